package org.vigie.notifier.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

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
    int reminderRound) {

  /** A short, non-identifying reference of the case for humans: the first 8 characters of its pseudonymous id. */
  public String shortCaseReference() {
    String compact = caseId.replace("-", "");
    return compact.substring(0, Math.min(8, compact.length())).toUpperCase(Locale.ROOT);
  }

  public boolean open() {
    return acknowledgedAt == null && resolvedAt == null;
  }
}
