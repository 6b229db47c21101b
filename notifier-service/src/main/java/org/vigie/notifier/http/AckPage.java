package org.vigie.notifier.http;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.vigie.notifier.ack.Acknowledger;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.message.MessageComposer;
import org.vigie.schemas.wording.CodeWording;

/**
 * The small pages an acknowledgement link opens, French first then English: the alert and a button to take it in
 * hand (the link opened), or what the link did. Each has a title saying it, its content in a {@code main} landmark,
 * and a link to the case on the volunteers' page when its address is known.
 */
final class AckPage {
  private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Optional<String> pageUrl;

  /** @param pageUrl the volunteers' page (no trailing slash), which opens a case by its reference */
  AckPage(Optional<String> pageUrl) {
    this.pageUrl = pageUrl;
  }

  static int status(Acknowledger.Result result) {
    return switch (result) {
      case PENDING, ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, HANDED_OVER, RESOLVED -> 200;
      case EXPIRED -> 410;
      case INVALID, AWAITING_ALERT -> 404;
    };
  }

  /** The page's words: its title and its sentence, in French and in English. */
  private record Words(String titleFr, String titleEn, String fr, String en) {}

  private static Words words(Acknowledger.Result result) {
    return switch (result) {
      case PENDING -> new Words("Prendre l'alerte en charge", "Take the alert in hand",
          "Vous vous occupez de cette alerte ? Confirmez : les rappels s'arrêtent et la coordination n'est pas prévenue.",
          "Are you taking care of this alert? Confirm: reminders stop and the coordinators are not told.");
      case ACKNOWLEDGED -> new Words("Alerte prise en charge", "Alert taken in hand",
          "Merci, l'alerte est marquée comme prise en compte. Les rappels s'arrêtent.",
          "Thank you, the alert is marked as acknowledged. Reminders stop.");
      case ALREADY_ACKNOWLEDGED -> new Words("Alerte déjà prise en charge", "Alert already taken in hand",
          "Cette alerte avait déjà été prise en compte.", "This alert had already been acknowledged.");
      case RESOLVED -> new Words("Alerte déjà résolue", "Alert already resolved",
          "Cette alerte est résolue : il n'y a plus rien à prendre en charge. Le message qui l'a annoncé dit pourquoi.",
          "This alert is resolved: there is nothing left to take in hand. The message announcing it says why.");
      case HANDED_OVER -> new Words("Dossier confié à une autre personne", "Case handed over",
          "Ce dossier a été confié à une autre personne, qui a reçu cette alerte et la prend en charge : il n'y a"
              + " rien à faire de votre côté.",
          "This case was handed over to someone else, who received this alert and takes it in hand: there is"
              + " nothing for you to do.");
      case EXPIRED -> new Words("Lien expiré", "Link expired",
          "Ce lien a expiré. Ouvrez le dossier dans Vigie ou contactez votre coordinateur ou coordinatrice.",
          "This link has expired. Open the case in Vigie or contact your coordinator.");
      default -> new Words("Lien non valide", "Link not valid", "Ce lien n'est pas valide.", "This link is not valid.");
    };
  }

  String render(Acknowledger.Outcome outcome) {
    Words w = words(outcome.result());
    // French as it is printed: a phone does not begin a line with « ? » or « : »
    StringBuilder body = new StringBuilder("<p>").append(MessageComposer.frenchSpaces(w.fr())).append("</p>");
    Optional<AlertView> alert = outcome.result() == Acknowledger.Result.INVALID ? Optional.empty() : outcome.alert();
    alert.ifPresent(a -> body.append(details(a, false)));
    if (outcome.result() == Acknowledger.Result.PENDING) {
      // no action: the form posts to the address of the link itself
      body.append("<form method=\"post\"><button type=\"submit\" style=\"font-size:1.1em;padding:.5em 1em\">"
          + "Je m'en occupe <span lang=\"en\">/ I am on it</span></button></form>");
    }
    body.append("<div lang=\"en\"><p>").append(w.en()).append("</p>");
    alert.ifPresent(a -> body.append(details(a, true)));
    body.append("</div>");
    alert.flatMap(a -> pageUrl.map(url -> url + "/#dossier=" + a.shortCaseReference())).ifPresent(link ->
        body.append("<p><a href=\"").append(link).append("\">Ouvrir le dossier dans Vigie</a> · <a lang=\"en\" href=\"")
            .append(link).append("\">Open the case in Vigie</a></p>"));
    return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Vigie — " + w.titleFr()
        + " / " + w.titleEn() + "</title></head>"
        + "<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.4\">"
        + "<main><h1>Vigie — " + w.titleFr() + " <span lang=\"en\">/ " + w.titleEn() + "</span></h1>" + body
        + "</main></body></html>";
  }

  /** The case's reference, the rule in words and the deadline: no identity, no code. */
  private static String details(AlertView a, boolean english) {
    StringBuilder p = new StringBuilder("<p>").append(english ? "Case " : "Dossier ").append("<strong>")
        .append(a.shortCaseReference()).append("</strong> · ")
        .append((english ? CodeWording.ENGLISH : CodeWording.FRENCH).of(a.rule()));
    if (a.deadline() != null) {
      p.append(english ? " · deadline " : " · échéance ").append((english ? EN_DATE : FR_DATE).format(a.deadline()));
    }
    return p.append("</p>").toString();
  }
}
