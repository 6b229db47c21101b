package org.vigie.audit.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.wording.CodeWording;

/**
 * The wording of a timeline's descriptions in one language: the event model's codes ({@link CodeWording}),
 * and from labels_fr.properties, labels_en.properties beside this class, dates (French 12/03/2026, English
 * 12 March 2026) and the sentences ({@link Phrase}) the descriptions are built from, the same way in every
 * language.
 */
final class Labels {
  static final Labels FRENCH = new Labels(Locale.FRENCH, CodeWording.FRENCH);
  static final Labels ENGLISH = new Labels(Locale.ENGLISH, CodeWording.ENGLISH);

  /** The sentences and fragments of the descriptions; their wording takes {@code %s} arguments. */
  enum Phrase {
    LIST_SEPARATOR, CASE_OPENED, NO_CURRENT_PERMIT, PERMIT_EXPIRING, DEPARTMENT, EMPLOYED, RECEIVES_BENEFITS,
    FOLLOWED_BY, VOLUNTEER_ASSIGNED, SUBMISSION_RECORDED, NO_APPEAL_ROUTES, BLOCKAGE_REPORTED, BLOCKAGE_RESOLVED,
    API_ISSUED, API_EXPIRED, CCC_CONTACT_ATTEMPTED, CCC_WAIT, EMPLOYER_REFUSED_API, DECISION_RECEIVED, NEW_PERMIT, APPEAL_UNTIL,
    SITUATION_UPDATED, APPEAL_FILED, BENEFITS_RECEIVED, CASE_CLOSED, CASE_ERASED, OTHER_EVENT,
    CORRECTION_REFUSED, CORRECTED_EVENT, CORRECTED_EVENT_MISSING, WITHDRAWAL, REPLACEMENT, WITHDRAWN_ON, REPLACED_ON,
    ALERT_RAISED, ALERT_UPDATED, ALERT_HANDED_OVER, ALERT_RESOLVED, ALERT_LAPSED,
    ALERT_CLOSED_BY_REFUSAL, ALERT_CLOSED_BY_APPEAL, ALERT_CLOSED_WITH_CASE, ALERT_CLOSED_RULE_DISABLED, ALERT_CLOSED_BY_CORRECTION, ALERT, ALERT_DEADLINE, ALERT_BASIS,
    NOTIFICATION, TO_COORDINATION, NOTIFICATION_ATTEMPTS, NOTIFICATION_REASON
  }

  private final Locale locale;
  private final CodeWording codes;
  private final ResourceBundle words;
  private final DateTimeFormatter dates;
  private final TimelineNames names;

  private Labels(Locale locale, CodeWording codes) {
    this(locale, codes, TimelineNames.NONE);
  }

  private Labels(Locale locale, CodeWording codes, TimelineNames names) {
    this.locale = locale;
    this.codes = codes;
    this.names = names;
    this.words = ResourceBundle.getBundle(Labels.class.getPackageName() + ".labels", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.dates = DateTimeFormatter.ofPattern(words.getString("date"), locale);
  }

  /** This language, naming volunteers by {@code names}. */
  Labels with(TimelineNames names) {
    return new Labels(locale, codes, names);
  }

  /** A volunteer by display name when known, else by id. */
  String volunteer(String volunteerId) {
    String name = names.volunteer(volunteerId);
    return name == null ? volunteerId : name;
  }

  /** A code in words, e.g. BlockageKind.ACCOUNT_LOCKED as "compte bloqué"; its name when it has none. */
  String of(Enum<?> code) {
    return codes.of(code);
  }

  /** The phrase with its {@code %s} replaced by {@code args}, in order. */
  String phrase(Phrase phrase, Object... args) {
    return String.format(Locale.ROOT, words.getString(key(phrase)), args);
  }

  /** The day; empty for none. */
  String date(LocalDate date) {
    return date == null ? "" : date.format(dates);
  }

  String yesNo(boolean value) {
    return words.getString(value ? "yes" : "no");
  }

  /** The alert's own message, in this language. */
  String message(AlertMessage message) {
    return locale == Locale.ENGLISH ? message.getEn() : message.getFr();
  }

  /** Whether this language has words for {@code phrase} (a test checks every phrase has). */
  boolean has(Phrase phrase) {
    return words.containsKey(key(phrase));
  }

  private static String key(Phrase phrase) {
    return "Phrase." + phrase.name();
  }
}
