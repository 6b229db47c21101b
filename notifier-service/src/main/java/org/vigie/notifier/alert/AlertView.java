package org.vigie.notifier.alert;

import java.time.Instant;
import java.time.LocalDate;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CaseReference;

/**
 * An alert as recorded by the notifier; {@code cycle}: its follow-up cycle, 0 from its first record, one more at each
 * hand-over of its case (see {@link org.vigie.notifier.ledger.NotificationKey}).
 */
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
    Resolution resolution,
    int cycle) {

  /** An alert of its first cycle (its case never handed over). */
  public AlertView(String alertId, String caseId, String associationId, RuleId rule, Severity severity, Instant raisedAt,
      LocalDate deadline, String assignedVolunteerId, String reference, String ruleVersion, String messageFr,
      String messageEn, Instant firstSentAt, Instant acknowledgedAt, Instant resolvedAt, int reminderRound,
      Resolution resolution) {
    this(alertId, caseId, associationId, rule, severity, raisedAt, deadline, assignedVolunteerId, reference, ruleVersion,
        messageFr, messageEn, firstSentAt, acknowledgedAt, resolvedAt, reminderRound, resolution, 0);
  }

  /**
   * An alert not resolved ({@code resolution}: why it was resolved, CaseAlert version 3; null while it is open).
   */
  public AlertView(String alertId, String caseId, String associationId, RuleId rule, Severity severity, Instant raisedAt,
      LocalDate deadline, String assignedVolunteerId, String reference, String ruleVersion, String messageFr,
      String messageEn, Instant firstSentAt, Instant acknowledgedAt, Instant resolvedAt, int reminderRound) {
    this(alertId, caseId, associationId, rule, severity, raisedAt, deadline, assignedVolunteerId, reference, ruleVersion,
        messageFr, messageEn, firstSentAt, acknowledgedAt, resolvedAt, reminderRound, null);
  }

  /** Resolved because its deadline passed with nothing recorded that would have resolved it: a right may be lost. */
  public boolean lapsed() {
    return resolution == Resolution.DEADLINE_PASSED;
  }

  /** The case's short reference, as e-mails and the volunteers' page show it ({@link CaseReference}). */
  public String shortCaseReference() {
    return CaseReference.of(caseId);
  }

  public boolean open() {
    return acknowledgedAt == null && resolvedAt == null;
  }
}
