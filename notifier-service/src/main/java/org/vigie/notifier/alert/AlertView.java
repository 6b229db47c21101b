package org.vigie.notifier.alert;

import java.time.Instant;
import java.time.LocalDate;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CaseReference;

/** An alert as recorded by the notifier. */
public record AlertView(
    String alertId,
    String caseId,
    String associationId,
    RuleId rule,
    Severity severity,
    Instant raisedAt,
    LocalDate deadline,
    String assignedVolunteerId,
    String reference,
    String ruleVersion,
    String messageFr,
    String messageEn,
    Instant firstSentAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    int reminderRound,
    boolean lapsed) {

  /**
   * An alert not lapsed ({@code lapsed}: resolved because its deadline passed with nothing recorded that would have
   * resolved it, CaseAlert version 2).
   */
  public AlertView(String alertId, String caseId, String associationId, RuleId rule, Severity severity, Instant raisedAt,
      LocalDate deadline, String assignedVolunteerId, String reference, String ruleVersion, String messageFr,
      String messageEn, Instant firstSentAt, Instant acknowledgedAt, Instant resolvedAt, int reminderRound) {
    this(alertId, caseId, associationId, rule, severity, raisedAt, deadline, assignedVolunteerId, reference, ruleVersion,
        messageFr, messageEn, firstSentAt, acknowledgedAt, resolvedAt, reminderRound, false);
  }

  /** The case's short reference, as e-mails and the volunteers' page show it ({@link CaseReference}). */
  public String shortCaseReference() {
    return CaseReference.of(caseId);
  }

  public boolean open() {
    return acknowledgedAt == null && resolvedAt == null;
  }
}
