package org.vigie.intake.cases;

/**
 * The event {@code type}s of the API (ARCHITECTURE.md), one per payload record of CaseEvent, and
 * {@code APPEAL_FILED}: a SituationUpdated carrying only its appeal (CaseEvent version 5).
 */
public enum EventType {
  CASE_OPENED, VOLUNTEER_ASSIGNED, SUBMISSION_RECORDED, BLOCKAGE_REPORTED, BLOCKAGE_RESOLVED, API_ISSUED,
  API_EXPIRY_RECORDED, CCC_CONTACT_ATTEMPTED, EMPLOYER_REFUSED_API, DECISION_RECEIVED, SITUATION_UPDATED,
  CASE_CLOSED, CASE_ERASED, APPEAL_FILED;

  /** Types a client may post to /cases/{id}/events (CASE_OPENED and CASE_ERASED have their own endpoints). */
  public boolean postable() {
    return this != CASE_OPENED && this != CASE_ERASED;
  }

  /** Types an event recorded in error can be replaced with (an assignment is changed by a new one; an erasure stays). */
  public boolean correctable() {
    return this != VOLUNTEER_ASSIGNED && this != CASE_ERASED;
  }

  /** Types an event recorded in error can be withdrawn from (a case's opening is replaced, never withdrawn). */
  public boolean withdrawable() {
    return correctable() && this != CASE_OPENED;
  }
}
