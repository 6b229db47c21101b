package org.vigie.intake.cases;

import java.time.LocalDate;
import java.util.UUID;

/** A case as intake keeps it (no identity: that is in the vault). */
public record CaseRecord(UUID caseId, UUID associationId, String permitKind, LocalDate permitExpiresOn, String procedure,
    String department, UUID assignedVolunteerId, boolean employed, boolean receivesBenefits, String benefitKinds,
    String status, boolean identityErased, LocalDate openedOn, LocalDate lastEventOn) {

  public boolean closed() {
    return "CLOSED".equals(status);
  }
}
