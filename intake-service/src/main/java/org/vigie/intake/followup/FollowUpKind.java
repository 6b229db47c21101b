package org.vigie.intake.followup;

/** What the help desk has to do with the person on the day of a follow-up. */
public enum FollowUpKind {
  /** The person comes back to the help desk. */
  APPOINTMENT("Rendez-vous", "Appointment"),
  /** A volunteer calls the person back. */
  CALL_BACK("Rappeler la personne", "Call the person back"),
  /** Something to check or chase (ANEF, the prefecture, the CCC, an employer). */
  CHECK("Vérifier ou relancer", "Check or chase");

  private final String french;
  private final String english;

  FollowUpKind(String french, String english) {
    this.french = french;
    this.english = english;
  }

  public String in(boolean english) {
    return english ? this.english : french;
  }
}
