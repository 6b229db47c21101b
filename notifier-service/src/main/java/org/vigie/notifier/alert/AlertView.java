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

  /**
   * A short, non-identifying reference of the case for humans: the last 8 hexadecimal digits of its
   * pseudonymous id. Not the first: intake's case ids are time-ordered (UUID version 7), so the first
   * digits are the creation time and every case opened within the same minute or so would share them.
   * The volunteers' page shows the same reference.
   */
  public String shortCaseReference() {
    String compact = caseId.replace("-", "");
    return compact.substring(Math.max(0, compact.length() - 8)).toUpperCase(Locale.ROOT);
  }

  public boolean open() {
    return acknowledgedAt == null && resolvedAt == null;
  }
}
