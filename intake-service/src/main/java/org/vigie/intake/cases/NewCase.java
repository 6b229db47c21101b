package org.vigie.intake.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vigie.intake.vault.Person;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;

/** A validated case opening request; {@code person} goes to the vault only. */
public record NewCase(PermitKind permitKind, LocalDate permitExpiresOn, Procedure procedure, String department,
    Optional<UUID> assignedVolunteerId, boolean employed, boolean receivesBenefits, List<BenefitKind> benefitKinds,
    LocalDate openedOn, Optional<Person> person, ObjectNode details) {

  /** The CaseOpened payload, assigning the case to {@code volunteer} (null: nobody, as a corrected opening). */
  public CaseOpened payload(UUID volunteer) {
    return CaseOpened.newBuilder()
        .setPermitKind(permitKind).setPermitExpiresOn(permitExpiresOn).setProcedure(procedure)
        .setDepartment(department).setAssignedVolunteerId(volunteer == null ? null : volunteer.toString())
        .setEmployed(employed).setReceivesBenefits(receivesBenefits).setBenefitKinds(benefitKinds)
        .build();
  }
}
