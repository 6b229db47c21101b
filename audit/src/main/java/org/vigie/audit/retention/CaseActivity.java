package org.vigie.audit.retention;

import java.time.LocalDate;
import java.util.Objects;

/** A case's last activity: the latest day an event occurred or was recorded; whether it is already erased. */
public record CaseActivity(String caseId, String associationId, LocalDate lastActivityOn, boolean erased) {
  public CaseActivity {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(lastActivityOn, "lastActivityOn");
  }
}
