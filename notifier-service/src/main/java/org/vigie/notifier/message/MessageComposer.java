package org.vigie.notifier.message;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigie.notifier.alert.AlertView;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CodeWording;
import org.vigie.schemas.wording.Disclaimer;
import org.vigie.schemas.wording.LetterKind;

/**
 * Texts of notifications, in French and English, the recipient's language first (French unless they chose English).
 * They name the rule, its legal reference and the case's short pseudonymous reference, never the person: the
 * volunteer opens the case in Vigie to see who it is about.
 */
public final class MessageComposer {
  /** A day written out, as the alerts' own texts write it: 18 novembre 2026, 1 December 2026. */
  private static final DateTimeFormatter FR_MONTH_YEAR = DateTimeFormatter.ofPattern(" MMMM yyyy", Locale.FRENCH);
  private static final DateFormat FR_DATE = day -> (day.get(ChronoField.DAY_OF_MONTH) == 1 ? "1er"
      : String.valueOf(day.get(ChronoField.DAY_OF_MONTH))) + FR_MONTH_YEAR.format(day);
  private static final DateFormat EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)::format;

  /** How a day is written in one language. */
  @FunctionalInterface
  private interface DateFormat {
    String format(TemporalAccessor day);
  }

  /** Before : ; ! ? and », in text (an ordinary space: never inside a tag, whose attributes hold none before them). */
  private static final Pattern FRENCH_SPACE_BEFORE = Pattern.compile(" ([:;!?»])");

  private static final String SHARED_FR = "Commun à plusieurs alertes ci-dessus :";
  private static final String SHARED_EN = "Common to several alerts above:";
  private static final String HANDED_OVER_FR = "Ce dossier vient de vous être confié : cette alerte y était déjà ouverte.";
  private static final String HANDED_OVER_EN = "This case has just been handed over to you: this alert was already open on it.";

  private final Optional<String> pageUrl;

  /** Messages without a link to the volunteers' page. */
  public MessageComposer() {
    this(Optional.empty());
  }

  /** @param pageUrl the volunteers' page: each alert links to its case there, by the case's short reference */
  public MessageComposer(Optional<String> pageUrl) {
    this.pageUrl = pageUrl;
  }

  /** The page opening the alert's case (the reference only: the page finds the case once signed in). */
  private Optional<String> caseLink(AlertView alert) {
    return pageUrl.map(url -> url + "/#dossier=" + alert.shortCaseReference());
  }

  public Rendered render(Notice notice) {
    NotificationKind kind = notice.row().kind();
    // a digest, most severe first then the nearest deadline, as the alerts sent at once
    List<Notice.Item> items = kind != NotificationKind.DIGEST ? notice.items() : notice.items().stream()
        .sorted(Comparator.comparing((Notice.Item i) -> i.alert().severity()).reversed()
            .thenComparing(i -> i.alert().deadline(), Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    ZoneId zone = notice.recipient() == null ? ZoneId.of("Europe/Paris") : notice.recipient().timeZone();
    // both languages, the recipient's first (French unless they chose English)
    boolean englishFirst = notice.recipient() != null && "en".equals(notice.recipient().language());
    LocalDate today = LocalDate.ofInstant(notice.at(), zone);
    String subject = "[Vigie] " + (englishFirst ? subject(kind, items, false, today) + " / " + subject(kind, items, true, today)
        : subject(kind, items, true, today) + " / " + subject(kind, items, false, today))
        + (items.size() == 1 && kind != NotificationKind.DIGEST ? " [" + items.get(0).alert().rule().name() + "]" : "");
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(englishFirst ? "en" : "fr")
        .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(subject)).append("</title></head><body style=\"font-family:sans-serif\">");
    section(text, html, kind, items, !englishFirst, today, zone);
    text.append(englishFirst ? "-- Français --\n\n" : "-- English --\n\n");
    html.append("<hr>");
    section(text, html, kind, items, englishFirst, today, zone);
    html.append("</body></html>");
    return new Rendered(subject, text.toString().stripTrailing() + "\n", html.toString());
  }

  /** The subject in one language: the kind of message, the severity, and which alerts or case. */
  private static String subject(NotificationKind kind, List<Notice.Item> items, boolean french, LocalDate today) {
    if (kind == NotificationKind.DIGEST) {
      // the day it is of, and its most severe alert first, as a volunteer sorts a mailbox
      Severity worst = items.stream().map(i -> i.alert().severity()).max(Comparator.naturalOrder()).orElseThrow();
      int n = items.size();
      return french ? "Récapitulatif du " + FR_DATE.format(today) + " · " + severityFr(worst) + " · " + n + (n > 1 ? " alertes" : " alerte")
          : "Daily digest of " + EN_DATE.format(today) + " · " + severityEn(worst).toLowerCase() + " · " + n + (n > 1 ? " alerts" : " alert");
    }
    if (items.size() > 1) {
      Severity worst = items.stream().map(i -> i.alert().severity()).max(Comparator.naturalOrder()).orElseThrow();
      long cases = items.stream().map(i -> i.alert().shortCaseReference()).distinct().count();
      // one case: which one, as for a single alert
      String reference = items.get(0).alert().shortCaseReference();
      return french ? prefix(kind, items, true) + severityFr(worst) + " · " + items.size() + " alertes"
          + (cases == 1 ? " · dossier " + reference : ", " + cases + " dossiers")
          : prefix(kind, items, false) + worst.name().toLowerCase() + " · " + items.size() + " alerts"
              + (cases == 1 ? " · case " + reference : ", " + cases + " cases");
    }
    // the rule in words in each language; its code, which mail filters can rely on, ends the subject
    AlertView a = items.get(0).alert();
    return french ? prefix(kind, items, true) + severityFr(a.severity()) + " · " + CodeWording.FRENCH.of(a.rule())
        + " · dossier " + a.shortCaseReference()
        : prefix(kind, items, false) + a.severity().name().toLowerCase() + " · " + CodeWording.ENGLISH.of(a.rule())
            + " · case " + a.shortCaseReference();
  }

  /**
   * The message in one language: greeting, introduction, each alert with its links, what several alerts' texts share
   * (said once), the closing caution. The French text, plain and HTML, keeps a colon, a semicolon, a question or
   * exclamation mark with the word before it, and guillemets with the words they quote (a non-breaking space, which
   * the mail's UTF-8 parts carry as any other character), as French is printed: a phone or a mail reader does not
   * break the line before them.
   */
  private void section(StringBuilder allText, StringBuilder allHtml, NotificationKind kind, List<Notice.Item> items,
      boolean french, LocalDate today, ZoneId zone) {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    sectionIn(text, html, kind, items, french, today, zone);
    allText.append(french ? frenchSpaces(text) : text);
    allHtml.append(french ? frenchSpaces(html) : html);
  }

  /** Non-breaking spaces before : ; ! ? » and after «, in French text or HTML (the mails, the acknowledgement page). */
  public static String frenchSpaces(CharSequence french) {
    return FRENCH_SPACE_BEFORE.matcher(french).replaceAll("\u00A0$1").replace("« ", "«\u00A0");
  }

  private void sectionIn(StringBuilder text, StringBuilder html, NotificationKind kind, List<Notice.Item> items, boolean french,
      LocalDate today, ZoneId zone) {
    String intro = intro(kind, items, french);
    text.append(french ? "Bonjour,\n\n" : "Hello,\n\n").append(intro).append("\n\n");
    html.append("<div lang=\"").append(french ? "fr" : "en").append("\"><p>").append(french ? "Bonjour," : "Hello,")
        .append("</p><p>").append(esc(intro)).append("</p>");
    // what the rules' texts of several alerts end alike (next steps, caution) is said once, after the alerts
    List<String> messages = messages(items, french);
    SharedSentences.Split split = shared(messages);
    for (int n = 0; n < items.size(); n++) {
      Notice.Item item = items.get(n);
      appendItem(text, html, french ? fieldsFr(item, kind, today, zone) : fieldsEn(item, kind, today, zone), french ? " : " : ": ",
          before(item, french, name -> name) + split.heads().get(n) + continued(split.labels().get(n), french));
      caseLink(item.alert()).ifPresent(link -> {
        String open = french ? "Ouvrir le dossier dans Vigie" : "Open the case in Vigie";
        text.append(open).append(french ? " : " : ": ").append(link).append("\n");
        html.append("<p><a href=\"").append(esc(link)).append("\">").append(open).append("</a></p>");
      });
      letters(kind, item.alert(), french).ifPresent(line -> {
        text.append(line).append("\n");
        html.append("<p>").append(esc(line)).append("</p>");
      });
      if (item.ackUrl() != null) {
        String until = (french ? FR_DATE : EN_DATE).format(item.ackExpiresAt().atZone(zone));
        String ack = french ? "Accuser réception" : "Acknowledge";
        text.append(ack).append(french ? " : " : ": ").append(item.ackUrl())
            .append(french ? " (lien valable jusqu'au " : " (link valid until ").append(until).append(")\n");
        html.append("<p><a href=\"").append(esc(item.ackUrl())).append("\">").append(ack).append("</a>")
            .append(french ? " (lien valable jusqu'au " : " (link valid until ").append(until).append(")</p>");
      }
      text.append("\n"); // an empty line between alerts, with or without a link to acknowledge
    }
    if (!split.blocks().isEmpty()) {
      String shared = french ? SHARED_FR : SHARED_EN;
      text.append(shared).append("\n\n");
      html.append("<p><strong>").append(esc(shared)).append("</strong></p>");
      for (SharedSentences.Block b : split.blocks()) {
        text.append(b.label()).append(". ").append(b.text()).append("\n\n");
        html.append("<p><strong>").append(b.label()).append(".</strong> ").append(esc(b.text())).append("</p>");
      }
    }
    // the caution, unless every alert's text ends with the rules' own, which says the same
    if (!messages.stream().allMatch(m -> m != null && m.contains(french ? Disclaimer.FRENCH : Disclaimer.ENGLISH))) {
      String caution = french ? "Ces alertes aident à agir à temps ; elles ne sont pas un calcul juridique opposable."
          : "These alerts help you act in time; they are not a binding legal computation.";
      text.append(caution).append("\n\n");
      html.append("<p><small>").append(caution).append("</small></p>");
    }
    html.append("</div>");
  }

  /** "A", "A et B", "A, B et C" (French; {@code last}: " and " in English). */
  private static String joined(List<String> labels, String last) {
    int n = labels.size();
    return n == 1 ? labels.get(0) : String.join(", ", labels.subList(0, n - 1)) + last + labels.get(n - 1);
  }

  /**
   * The drafts the alert's next steps call for, ready under the case's timeline on the volunteers' page; none
   * for a resolution notice, or a rule that calls for none.
   */
  private static Optional<String> letters(NotificationKind kind, AlertView alert, boolean french) {
    List<LetterKind> letters = LetterKind.suggestedFor(alert.rule());
    if (kind == NotificationKind.RESOLVED_NOTICE || letters.isEmpty()) {
      return Optional.empty();
    }
    String titles = letters.stream().map(l -> l.title(french)).collect(java.util.stream.Collectors.joining(", "));
    return Optional.of(french ? "Brouillons prêts sous la chronologie du dossier, dans Vigie : " + titles + "."
        : "Drafts ready below the case's timeline, in Vigie: " + titles + ".");
  }

  /**
   * The notice as a team chat shows it (a webhook in the CHAT format): plain text in the recipient's
   * language, each alert with its case reference, rule, severity, deadline, message, and links to open
   * the case and to acknowledge; no formatting, which chats do not share, and links left bare, which they
   * all make clickable; what several alerts' texts end alike (next steps, caution) said once, after them, as in
   * a mail. Never the person.
   */
  public String chatText(Notice notice) {
    boolean french = notice.recipient() == null || !"en".equals(notice.recipient().language());
    NotificationKind kind = notice.row().kind();
    List<Notice.Item> items = notice.items();
    ZoneId zone = notice.recipient() == null ? ZoneId.of("Europe/Paris") : notice.recipient().timeZone();
    StringBuilder text = new StringBuilder("[Vigie] ");
    text.append(intro(kind, items, french)).append('\n');
    LocalDate today = LocalDate.ofInstant(notice.at(), zone);
    SharedSentences.Split split = shared(messages(items, french));
    for (int n = 0; n < items.size(); n++) {
      Notice.Item item = items.get(n);
      AlertView a = item.alert();
      text.append('\n').append(french ? severityFr(a.severity()) : a.severity().name().toLowerCase())
          .append(" · ").append((french ? CodeWording.FRENCH : CodeWording.ENGLISH).of(a.rule()))
          .append(french ? " · dossier " : " · case ").append(a.shortCaseReference());
      if (a.deadline() != null) {
        text.append(french ? " · échéance " : " · deadline ").append(deadline(a, kind, today, zone, french));
      }
      text.append('\n').append(before(item, french, MessageComposer::inert)).append(split.heads().get(n))
          .append(continued(split.labels().get(n), french)).append('\n');
      caseLink(a).ifPresent(link -> text.append(french ? "Ouvrir le dossier : " : "Open the case: ").append(link).append('\n'));
      letters(kind, a, french).ifPresent(line -> text.append(line).append('\n'));
      if (item.ackUrl() != null) {
        String until = (french ? FR_DATE : EN_DATE).format(item.ackExpiresAt().atZone(zone));
        text.append(french ? "Accuser réception : " : "Acknowledge: ").append(item.ackUrl())
            .append(french ? " (jusqu'au " : " (until ").append(until).append(")\n");
      }
    }
    if (!split.blocks().isEmpty()) {
      text.append('\n').append(french ? SHARED_FR : SHARED_EN).append('\n');
      split.blocks().forEach(b -> text.append('\n').append(b.label()).append(". ").append(b.text()).append('\n'));
    }
    return text.toString();
  }

  /** The rules' texts of the items, in the language. */
  private static List<String> messages(List<Notice.Item> items, boolean french) {
    return items.stream().map(i -> french ? i.alert().messageFr() : i.alert().messageEn()).toList();
  }

  /** The rules' texts, what several end alike taken out as blocks said once. */
  private static SharedSentences.Split shared(List<String> messages) {
    return messages.size() > 1 ? SharedSentences.of(messages)
        : new SharedSentences.Split(messages, List.of(List.of()), List.of());
  }

  /** The line after an alert's own text naming the blocks its end went to; empty when its text is whole. */
  private static String continued(List<String> labels, boolean french) {
    return labels.isEmpty() ? "" : "\n" + (french ? "Suite : voir " + joined(labels, " et ") + " après les alertes."
        : "Continued: see " + joined(labels, " and ") + " after the alerts.");
  }

  /**
   * What the recipient should know before the alert's message: that the case was just handed over to
   * them, or that they get it in place of the volunteer following the case, who is away; empty otherwise.
   * {@code shown}: how that volunteer's name is written (as typed in a mail, made {@link #inert} in a chat's text).
   */
  private static String before(Notice.Item item, boolean french, java.util.function.UnaryOperator<String> shown) {
    Notice.StandIn in = item.standingIn();
    String out = item.handedOver() ? (french ? HANDED_OVER_FR : HANDED_OVER_EN) + "\n" : "";
    if (in != null) {
      String name = shown.apply(in.name());
      out += french
          ? "Vous recevez cette alerte à la place " + ofName(name) + ", absent·e jusqu'au " + FR_DATE.format(in.until()) + " inclus.\n"
          : "You receive this alert in place of " + name + ", away until " + EN_DATE.format(in.until()) + " included.\n";
    }
    return out;
  }

  /** "de" before a name, elided before a vowel or an h: « de Camille », « d'Alix », « d'Hélène ». */
  static String ofName(String name) {
    return !name.isEmpty() && "aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜ".indexOf(name.charAt(0)) >= 0 ? "d'" + name : "de " + name;
  }

  /**
   * A name typed by a person, made inert for the chats that read markup in a message's text: {@code <!channel>} or
   * {@code <https://…|a link>} (Slack, Google Chat), {@code [a link](https://…)} and {@code @all} (Mattermost,
   * Rocket.Chat) would otherwise let whoever names a volunteer write a mention or a link into the alerts of the
   * volunteer standing in. Angle brackets become single guillemets, square brackets parentheses, {@code @} the
   * full-width at sign; the name still reads the same.
   */
  static String inert(String name) {
    return name.replace('<', '‹').replace('>', '›').replace('[', '(').replace(']', ')').replace('@', '＠');
  }

  /** The notice as a JSON-ready map for webhooks (no personal data). */
  public Map<String, Object> webhookPayload(Notice notice, String webhookId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "vigie.notification." + notice.row().kind().name().toLowerCase());
    body.put("timestamp", notice.at().toString());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("notificationId", webhookId);
    data.put("kind", notice.row().kind().name());
    data.put("alerts", notice.items().stream().map(i -> webhookItem(i, notice.row().kind())).toList());
    body.put("data", data);
    return body;
  }

  private Map<String, Object> webhookItem(Notice.Item item, NotificationKind kind) {
    AlertView a = item.alert();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alertId", a.alertId());
    m.put("caseReference", a.shortCaseReference());
    m.put("rule", a.rule().name());
    m.put("severity", a.severity().name());
    m.put("deadline", a.deadline() == null ? null : a.deadline().toString());
    m.put("legalReference", a.reference());
    m.put("message", Map.of("fr", a.messageFr(), "en", a.messageEn()));
    m.put("ackUrl", item.ackUrl());
    m.put("handedOver", item.handedOver());
    m.put("lapsed", a.lapsed());
    m.put("resolution", a.resolution() == null ? null : a.resolution().name());
    m.put("standingIn", item.standingIn() == null ? null
        : Map.of("volunteerName", item.standingIn().name(), "until", item.standingIn().until().toString()));
    caseLink(a).ifPresent(link -> m.put("caseUrl", link));
    m.put("letters", kind == NotificationKind.RESOLVED_NOTICE ? List.of()
        : LetterKind.suggestedFor(a.rule()).stream().map(LetterKind::id).toList());
    return m;
  }

  /** The alert's fields, one a line ({@code separator}: French " : ", English ": "), then its message. */
  private static void appendItem(StringBuilder text, StringBuilder html, Map<String, String> fields, String separator,
      String message) {
    html.append("<table>");
    fields.forEach((k, v) -> {
      text.append(k).append(separator).append(v).append('\n');
      html.append("<tr><th align=\"left\">").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    });
    text.append('\n').append(message).append("\n\n");
    html.append("</table><p>").append(esc(message).replace("\n", "<br>")).append("</p>");
  }

  /**
   * An alert's deadline as the notice shows it. One that was already behind when the alert was raised (a day the
   * situation began or a time ran out before anyone could be told: a refusal recorded after its time to contest
   * ended, an API that lapsed the day before, an employer's refusal recorded days later, a blockage reported long
   * after it began) is said to be so: the situation is under way, there was never a day ahead to act by, and
   * "passed" would read as a time the volunteer missed. "Passed" stays for a deadline that was ahead when the alert
   * was raised and is now behind (a reminder after it), and for a resolution notice (its situation is over).
   * Both counted on the days of the recipient's zone.
   */
  private static String deadline(AlertView a, NotificationKind kind, LocalDate today, ZoneId zone, boolean french) {
    if (a.deadline() == null) {
      return "—";
    }
    String day = (french ? FR_DATE : EN_DATE).format(a.deadline());
    if (!a.deadline().isBefore(today)) {
      return day;
    }
    boolean behindWhenRaised = a.raisedAt() != null && a.deadline().isBefore(LocalDate.ofInstant(a.raisedAt(), zone));
    if (behindWhenRaised && kind != NotificationKind.RESOLVED_NOTICE) {
      return day + (french ? " (antérieure à l'alerte : la situation est déjà en cours)"
          : " (before the alert was raised: the situation is already under way)");
    }
    return day + (french ? " (passée)" : " (passed)");
  }

  private static Map<String, String> fieldsFr(Notice.Item item, NotificationKind kind, LocalDate today, ZoneId zone) {
    AlertView a = item.alert();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Dossier", a.shortCaseReference());
    m.put("Règle", CodeWording.FRENCH.of(a.rule()) + " — " + a.rule().name() + " (" + a.reference() + ", version "
        + a.ruleVersion() + ")");
    m.put("Gravité", severityFr(a.severity()));
    m.put("Échéance", deadline(a, kind, today, zone, true));
    follow(item, kind, true, zone).forEach(m::put);
    return m;
  }

  private static Map<String, String> fieldsEn(Notice.Item item, NotificationKind kind, LocalDate today, ZoneId zone) {
    AlertView a = item.alert();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Case", a.shortCaseReference());
    m.put("Rule", CodeWording.ENGLISH.of(a.rule()) + " — " + a.rule().name() + " (" + a.reference() + ", version "
        + a.ruleVersion() + ")");
    m.put("Severity", severityEn(a.severity()));
    m.put("Deadline", deadline(a, kind, today, zone, false));
    follow(item, kind, false, zone).forEach(m::put);
    return m;
  }

  /**
   * For a mail read days later, or by a coordinator: since when the volunteer has known (the alert's first message),
   * and, when the coordinators are told nobody took it in hand, who follows the case and whether they are away.
   */
  private static Map<String, String> follow(Notice.Item item, NotificationKind kind, boolean french, ZoneId zone) {
    Map<String, String> m = new LinkedHashMap<>();
    Notice.StandIn by = item.followedBy();
    if (by != null) {
      m.put(french ? "Suivi par" : "Followed by", by.name() + (by.until() == null ? ""
          : french ? ", absent·e jusqu'au " + FR_DATE.format(by.until()) + " inclus"
          : ", away until " + EN_DATE.format(by.until()) + " included"));
    }
    if (item.alert().firstSentAt() != null && (kind == NotificationKind.REMINDER || kind == NotificationKind.ESCALATION)) {
      LocalDate first = LocalDate.ofInstant(item.alert().firstSentAt(), zone);
      m.put(french ? "Premier message" : "First message", (french ? FR_DATE : EN_DATE).format(first));
    }
    return m;
  }

  static String severityEn(Severity s) {
    return switch (s) {
      case INFO -> "Information";
      case WARNING -> "Warning";
      case HIGH -> "Urgent";
      case CRITICAL -> "Critical";
    };
  }

  static String severityFr(Severity s) {
    return switch (s) {
      case INFO -> "Information";
      case WARNING -> "Avertissement";
      case HIGH -> "Urgent";
      case CRITICAL -> "Critique";
    };
  }

  /**
   * Why the alerts of a resolution notice were resolved (an alert resolved before the reason was recorded counts as
   * its situation ended); empty for another kind of message.
   */
  private static Set<Resolution> resolutions(NotificationKind kind, List<Notice.Item> items) {
    Set<Resolution> why = EnumSet.noneOf(Resolution.class);
    if (kind == NotificationKind.RESOLVED_NOTICE) {
      items.forEach(i -> why.add(i.alert().resolution() == null ? Resolution.SITUATION_ENDED : i.alert().resolution()));
    }
    return why;
  }

  /**
   * The subject's word for the kind of message. A resolution notice says "resolved" only when the situations ended:
   * alerts closed by a refusal, an appeal, a case no longer followed, a rule disabled or a fact corrected are
   * "closed", and alerts
   * that lapsed (their deadline passed with nothing recorded that would have resolved them: a right may be lost)
   * "deadline passed".
   */
  private static String prefix(NotificationKind kind, List<Notice.Item> items, boolean french) {
    Set<Resolution> why = resolutions(kind, items);
    if (why.isEmpty() || why.equals(EnumSet.of(Resolution.SITUATION_ENDED))) {
      return french ? prefixFr(kind) : prefixEn(kind);
    }
    if (why.equals(EnumSet.of(Resolution.DEADLINE_PASSED))) {
      return french ? "Échéance passée · " : "deadline passed, ";
    }
    return french ? (items.size() > 1 ? "Closes · " : "Close · ") : "closed, ";
  }

  /** The message's first sentence: for several alerts, or one; a resolution notice says why they were resolved. */
  private static String intro(NotificationKind kind, List<Notice.Item> items, boolean french) {
    int n = items.size();
    Set<Resolution> why = resolutions(kind, items);
    if (why.isEmpty() || why.equals(EnumSet.of(Resolution.SITUATION_ENDED))) {
      return n > 1 && kind != NotificationKind.DIGEST ? (french ? severalFr(kind, n) : severalEn(kind, n))
          : french ? introFr(kind) : introEn(kind);
    }
    if (why.size() == 1) {
      return closed(why.iterator().next(), items, french);
    }
    String lapsed = !why.contains(Resolution.DEADLINE_PASSED) ? ""
        : french ? " Pour certaines, l'échéance est passée sans suite enregistrée : un droit a pu être perdu."
        : " For some, the deadline passed with nothing recorded: a right may have been lost.";
    return (french ? "Ces " + n + " alertes sont closes, chacune pour la raison dite ci-dessous."
        : "These " + n + " alerts are closed, each for the reason given below.") + lapsed;
  }

  /** The first sentence of a notice about its alerts all resolved for one reason other than their situation's end. */
  private static String closed(Resolution why, List<Notice.Item> items, boolean french) {
    int n = items.size();
    boolean one = n == 1;
    boolean oneCase = items.stream().map(i -> i.alert().caseId()).distinct().count() == 1;
    String fr = one ? "Cette alerte est close : " : "Ces " + n + " alertes sont closes : ";
    String en = one ? "This alert is closed: " : "These " + n + " alerts are closed: ";
    return switch (why) {
      case DEADLINE_PASSED -> one
          ? french ? "L'échéance de cette alerte est passée sans que rien de ce qui l'aurait résolue ait été enregistré :"
              + " un droit a pu être perdu." : "This alert's deadline passed with nothing recorded that would have resolved"
              + " it: a right may have been lost."
          : french ? "Les échéances de ces " + n + " alertes sont passées sans que rien de ce qui les aurait résolues ait"
              + " été enregistré : des droits ont pu être perdus." : "The deadlines of these " + n + " alerts passed with"
              + " nothing recorded that would have resolved them: rights may have been lost.";
      case REQUEST_REFUSED -> french ? fr + "un refus a été enregistré. Les alertes ouvertes par le refus disent ce qui"
          + " reste à faire." : en + "a refusal was recorded. The alerts the refusal opened say what remains to be done.";
      case APPEAL_FILED -> french ? fr + "le recours devant le tribunal administratif a été enregistré."
          : en + "the appeal to the administrative court was recorded.";
      case CASE_CLOSED -> french ? fr + (oneCase ? "le dossier n'est plus suivi." : "leurs dossiers ne sont plus suivis.")
          : en + (oneCase ? "the case is no longer followed." : "their cases are no longer followed.");
      case RULE_DISABLED -> french ? fr + (one ? "votre association a désactivé la règle qui l'avait déclenchée."
          : "votre association a désactivé les règles qui les avaient déclenchées.")
          : en + (one ? "your association disabled the rule that raised it." : "your association disabled the rules that"
              + " raised them.");
      case FACT_CORRECTED -> french ? fr + (one ? "le fait qui l'avait déclenchée a été corrigé ou retiré (saisi par"
          + " erreur)." : "les faits qui les avaient déclenchées ont été corrigés ou retirés (saisis par erreur).")
          : en + (one ? "the fact that raised it was corrected or withdrawn (recorded by mistake)." : "the facts that"
              + " raised them were corrected or withdrawn (recorded by mistake).");
      case SITUATION_ENDED -> french ? introFr(NotificationKind.RESOLVED_NOTICE) : introEn(NotificationKind.RESOLVED_NOTICE);
    };
  }

  private static String prefixFr(NotificationKind k) {
    return switch (k) {
      case REMINDER -> "Rappel · ";
      case ESCALATION -> "Sans réponse · ";
      case RESOLVED_NOTICE -> "Résolu · ";
      default -> "";
    };
  }

  private static String prefixEn(NotificationKind k) {
    return switch (k) {
      case REMINDER -> "reminder, ";
      case ESCALATION -> "unacknowledged, ";
      case RESOLVED_NOTICE -> "resolved, ";
      default -> "";
    };
  }

  private static String introFr(NotificationKind k) {
    return switch (k) {
      case ALERT -> "Vigie a détecté une situation qui demande votre attention sur un dossier que vous suivez.";
      case REMINDER -> "Rappel : cette alerte n'a pas encore été prise en compte.";
      case ESCALATION -> "En tant que coordinateur ou coordinatrice : cette alerte n'a pas été prise en compte à temps"
          + " par la personne qui suit le dossier.";
      case RESOLVED_NOTICE -> "La situation qui avait déclenché cette alerte a pris fin.";
      case DIGEST -> "Voici les alertes du jour sur les dossiers que vous suivez, de la plus grave à la moins grave.";
    };
  }

  private static String introEn(NotificationKind k) {
    return switch (k) {
      case ALERT -> "Vigie detected a situation that needs your attention on a case you follow.";
      case REMINDER -> "Reminder: this alert has not been acknowledged yet.";
      case ESCALATION -> "As coordinator: this alert was not acknowledged in time by the volunteer following the case.";
      case RESOLVED_NOTICE -> "The situation that raised this alert has ended.";
      case DIGEST -> "Here are today's alerts on the cases you follow, most severe first.";
    };
  }

  /** The introduction of a message about several alerts (sent together: same recipient and kind). */
  private static String severalFr(NotificationKind k, int n) {
    return switch (k) {
      case REMINDER -> "Rappel : ces " + n + " alertes n'ont pas encore été prises en compte.";
      case ESCALATION -> "En tant que coordinateur ou coordinatrice : ces " + n + " alertes n'ont pas été prises en"
          + " compte à temps par les personnes qui suivent les dossiers.";
      case RESOLVED_NOTICE -> "Les situations qui avaient déclenché ces " + n + " alertes ont pris fin.";
      default -> "Vigie a détecté " + n + " situations qui demandent votre attention sur des dossiers que vous suivez,"
          + " de la plus grave à la moins grave.";
    };
  }

  private static String severalEn(NotificationKind k, int n) {
    return switch (k) {
      case REMINDER -> "Reminder: these " + n + " alerts have not been acknowledged yet.";
      case ESCALATION -> "As coordinator: these " + n + " alerts were not acknowledged in time by the volunteers"
          + " following the cases.";
      case RESOLVED_NOTICE -> "The situations that raised these " + n + " alerts have ended.";
      default -> "Vigie detected " + n + " situations that need your attention on cases you follow, most severe first.";
    };
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

}
