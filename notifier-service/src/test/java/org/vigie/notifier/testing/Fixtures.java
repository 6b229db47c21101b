package org.vigie.notifier.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.DirectoryEntryKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerRole;

/** Directory entries and alerts for tests; ids are random so tests sharing a broker never meet. */
public final class Fixtures {
  private Fixtures() {}

  public static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  public static DirectoryEntry.Builder volunteer(String associationId, String volunteerId, String email) {
    return DirectoryEntry.newBuilder()
        .setKind(DirectoryEntryKind.VOLUNTEER)
        .setAssociationId(associationId)
        .setVolunteerId(volunteerId)
        .setDisplayName("Bénévole " + volunteerId.substring(0, 6))
        .setRole(VolunteerRole.VOLUNTEER)
        .setEmail(email)
        .setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public static DirectoryEntry.Builder coordinator(String associationId, String volunteerId, String email) {
    return volunteer(associationId, volunteerId, email).setRole(VolunteerRole.COORDINATOR);
  }

  public static CaseAlert.Builder raised(String associationId, String volunteerId, RuleId rule, Severity severity) {
    String caseId = UUID.randomUUID().toString();
    Instant at = Instant.parse("2026-11-20T09:00:00Z");
    return CaseAlert.newBuilder()
        .setAlertId(id("alert"))
        .setCaseId(caseId)
        .setAssociationId(associationId)
        .setRule(rule)
        .setSeverity(severity)
        .setStatus(AlertStatus.RAISED)
        .setEpisodeStart(LocalDate.parse("2026-11-20"))
        .setRaisedAt(at)
        .setEmittedAt(at)
        .setDeadline(LocalDate.parse("2026-12-01"))
        .setAssignedVolunteerId(volunteerId)
        .setReference("CESEDA R.431-15-1")
        .setTextVersionDate(LocalDate.parse("2025-01-01"))
        .setRuleVersion("1")
        .setMessage(new AlertMessage("Le titre a expiré sans API : contacter le CCC.", "The permit expired without an API: contact the CCC."));
  }

  public static CaseAlert resolvedFrom(CaseAlert raised, Instant at) {
    return CaseAlert.newBuilder(raised).setStatus(AlertStatus.RESOLVED).setEmittedAt(at).build();
  }
}
