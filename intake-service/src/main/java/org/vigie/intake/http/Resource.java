package org.vigie.intake.http;

/** What a request can name that may not exist (for the caller): the subject of a 404. */
public enum Resource {
  CASE("Dossier introuvable", "case not found"),
  EVENT("Événement introuvable dans ce dossier", "event not found in this case"),
  NOTE("Note introuvable dans ce dossier", "note not found in this case"),
  ALERT("Alerte introuvable", "alert not found"),
  ASSOCIATION("Association introuvable", "association not found"),
  VOLUNTEER("Bénévole introuvable", "volunteer not found"),
  TOKEN("Jeton introuvable", "token not found"),
  LETTER("Modèle de courrier inconnu", "unknown letter kind"),
  CALENDAR("Aucun abonnement d'agenda", "no calendar subscription"),
  FOLLOW_UP("Aucune suite prévue pour ce dossier", "no follow-up planned for this case");

  private final Detail notFound;

  Resource(String fr, String en) {
    this.notFound = new Detail(fr, en);
  }

  Detail notFound() {
    return notFound;
  }
}
