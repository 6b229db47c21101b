package org.vigie.audit.replay;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * What a replayed alert record and a live one must share to be the same: the alert id (so case,
 * rule and episode start), the status, the severity and the day it was emitted (Europe/Paris). The
 * time of day is not compared: the live service runs on the wall clock, its ticks a little after
 * midnight, the replay exactly at it.
 */
public record AlertKey(String caseId, String alertId, RuleId rule, AlertStatus status, Severity severity,
    LocalDate episodeStart, LocalDate day) implements Comparable<AlertKey> {

  private static final Comparator<AlertKey> ORDER = Comparator.comparing(AlertKey::caseId)
      .thenComparing(AlertKey::day)
      .thenComparing(AlertKey::rule)
      .thenComparing(AlertKey::episodeStart)
      .thenComparing(AlertKey::status)
      .thenComparing(AlertKey::severity)
      .thenComparing(AlertKey::alertId);

  public static AlertKey of(CaseAlert alert, ZoneId zone) {
    return new AlertKey(alert.getCaseId(), alert.getAlertId(), alert.getRule(), alert.getStatus(), alert.getSeverity(),
        alert.getEpisodeStart(), LocalDate.ofInstant(alert.getEmittedAt(), zone));
  }

  @Override
  public int compareTo(AlertKey o) {
    return ORDER.compare(this, o);
  }
}
