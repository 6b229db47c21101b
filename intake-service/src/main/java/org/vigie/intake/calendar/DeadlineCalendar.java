package org.vigie.intake.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Locale;
import org.vigie.intake.alerts.AlertRepository.Deadline;
import org.vigie.intake.followup.FollowUps;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CaseReference;
import org.vigie.schemas.wording.CodeWording;

/**
 * A volunteer's deadlines as an iCalendar feed: each open alert with a deadline is an all-day event on
 * that day, named after its rule and the case's reference (never the person), with the alert's text and a
 * link to the case on the page. Its UID is the alert's id, so a calendar updates it when the deadline
 * moves and drops it once the alert is resolved. Each follow-up of the volunteer's cases (an appointment,
 * a call back) is an all-day event too, one per case. While a volunteer is away, the one standing in for
 * them has their cases' events too, named "à la place de …".
 */
public final class DeadlineCalendar {
  private DeadlineCalendar() {}

  /**
   * @param english the volunteer's language is English (French otherwise)
   * @param pageUrl the volunteers' page, for the links to each case
   */
  public static String render(List<Deadline> deadlines, List<FollowUps.FollowUp> followUps, Map<UUID, String> standingIn,
      boolean english, String pageUrl, Instant now) {
    CodeWording words = english ? CodeWording.ENGLISH : CodeWording.FRENCH;
    IcsWriter ics = new IcsWriter()
        .raw("BEGIN", "VCALENDAR")
        .raw("VERSION", "2.0")
        .raw("PRODID", "-//Vigie//Echeances//" + (english ? "EN" : "FR"))
        .raw("CALSCALE", "GREGORIAN")
        .raw("METHOD", "PUBLISH")
        .text("X-WR-CALNAME", english ? "Vigie — my cases' deadlines" : "Vigie — échéances de mes dossiers")
        .raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
        .raw("X-PUBLISHED-TTL", "PT1H");
    for (Deadline d : deadlines) {
      String reference = CaseReference.of(d.caseId());
      String link = pageUrl + "#dossier=" + reference;
      String rule = words.of(RuleId.valueOf(d.rule()));
      String severity = words.of(Severity.valueOf(d.severity()));
      String summary = (english ? "%s — case %s (%s)" : "%s — dossier %s (%s)").formatted(capitalised(rule), reference, severity)
          + inPlaceOf(standingIn, d.volunteerId() == null ? null : UUID.fromString(d.volunteerId()), english);
      String state = d.takenInHand() ? (english ? "Taken in hand." : "Prise en charge.") + "\n\n" : "";
      ics.raw("BEGIN", "VEVENT")
          .text("UID", d.alertId() + "@vigie")
          .instant("DTSTAMP", now)
          .date("DTSTART", d.deadline())
          .date("DTEND", d.deadline().plusDays(1))
          .text("SUMMARY", summary)
          .text("DESCRIPTION", (english ? d.messageEn() : d.messageFr()) + "\n\n" + state
              + (english ? "Reference: " : "Référence : ") + d.reference() + "\n"
              + (english ? "Open the case: " : "Ouvrir le dossier : ") + link)
          .raw("URL", link)
          .raw("TRANSP", "TRANSPARENT")
          .raw("END", "VEVENT");
    }
    for (FollowUps.FollowUp f : followUps) {
      String reference = CaseReference.of(f.caseId().toString());
      String link = pageUrl + "#dossier=" + reference;
      ics.raw("BEGIN", "VEVENT")
          .text("UID", "follow-up-" + f.caseId() + "@vigie")
          .instant("DTSTAMP", now)
          .date("DTSTART", f.dueOn())
          .date("DTEND", f.dueOn().plusDays(1))
          .text("SUMMARY", f.kind().in(english) + (english ? " — case " : " — dossier ") + reference
              + inPlaceOf(standingIn, f.assignedVolunteerId(), english))
          .text("DESCRIPTION", f.kind().in(english) + ".\n\n" + (english ? "Open the case: " : "Ouvrir le dossier : ") + link)
          .raw("URL", link)
          .raw("TRANSP", "TRANSPARENT")
          .raw("END", "VEVENT");
    }
    return ics.raw("END", "VCALENDAR").toString();
  }

  /** " — à la place de Camille" for a case of a volunteer away whom the reader stands in for; empty otherwise. */
  private static String inPlaceOf(Map<UUID, String> standingIn, UUID volunteerId, boolean english) {
    String name = volunteerId == null ? null : standingIn.get(volunteerId);
    return name == null ? "" : (english ? " — in place of " : " — à la place de ") + name;
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
