package org.vigie.notifier.http;

import java.time.format.DateTimeFormatter;
import org.vigie.notifier.ack.Acknowledger;
import org.vigie.notifier.alert.AlertView;
import org.vigie.schemas.wording.CodeWording;

/** The small pages shown after following an acknowledgement link, French first. */
final class AckPage {
  private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private AckPage() {}

  static int status(Acknowledger.Result result) {
    return switch (result) {
      case ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, HANDED_OVER -> 200;
      case EXPIRED -> 410;
      case INVALID, AWAITING_ALERT -> 404;
    };
  }

  static String render(Acknowledger.Outcome outcome) {
    String fr;
    String en;
    switch (outcome.result()) {
      case ACKNOWLEDGED -> {
        fr = "Merci, l'alerte est marquée comme prise en compte. Les rappels s'arrêtent.";
        en = "Thank you, the alert is marked as acknowledged. Reminders stop.";
      }
      case ALREADY_ACKNOWLEDGED -> {
        fr = "Cette alerte avait déjà été prise en compte.";
        en = "This alert had already been acknowledged.";
      }
      case HANDED_OVER -> {
        fr = "Ce dossier a été confié à une autre personne, qui a reçu cette alerte et la prend en charge : il n'y a"
            + " rien à faire de votre côté.";
        en = "This case was handed over to someone else, who received this alert and takes it in hand: there is"
            + " nothing for you to do.";
      }
      case EXPIRED -> {
        fr = "Ce lien a expiré. Ouvrez le dossier dans Vigie ou contactez votre coordinateur ou coordinatrice.";
        en = "This link has expired. Open the case in Vigie or contact your coordinator.";
      }
      default -> {
        fr = "Ce lien n'est pas valide.";
        en = "This link is not valid.";
      }
    }
    StringBuilder details = new StringBuilder();
    if (outcome.alert().isPresent() && outcome.result() != Acknowledger.Result.INVALID) {
      AlertView a = outcome.alert().get();
      details.append("<p>Dossier <strong>").append(a.shortCaseReference()).append("</strong> · ")
          .append(CodeWording.FRENCH.of(a.rule())).append(" (").append(a.rule().name()).append(")");
      if (a.deadline() != null) {
        details.append(" · échéance ").append(FR_DATE.format(a.deadline()));
      }
      details.append("</p>");
    }
    return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Vigie</title></head>"
        + "<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><h1>Vigie</h1>"
        + "<p>" + fr + "</p>" + details + "<p lang=\"en\"><small>" + en + "</small></p></body></html>";
  }
}
