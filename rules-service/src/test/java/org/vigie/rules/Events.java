package org.vigie.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vigie.schemas.ApiExpiryRecorded;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.BlockageResolved;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Correction;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EmployerRefusedApi;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.VolunteerAssigned;

/** Case events for tests, for one case; event ids are derived from a counter so runs are reproducible. */
public final class Events {
  public static final String ASSOCIATION = "asso-1";
  private final String caseId;
  private final String associationId;
  private int sequence;

  public Events(String caseId) {
    this(caseId, ASSOCIATION);
  }

  public Events(String caseId, String associationId) {
    this.caseId = caseId;
    this.associationId = associationId;
  }

  public String caseId() {
    return caseId;
  }

  public CaseEvent event(LocalDate on, Object payload) {
    String eventId = UUID.nameUUIDFromBytes((caseId + "#" + (sequence++)).getBytes()).toString();
    return CaseEvent.newBuilder().setEventId(eventId).setCaseId(caseId).setAssociationId(associationId)
        .setOccurredOn(on).setRecordedAt(Instant.parse("2026-01-01T00:00:00Z")).setRecordedBy("vol-1")
        .setSchemaVersion(2).setSource(EventSource.API).setPayload(payload).build();
  }

  public CaseEvent opened(LocalDate on, PermitKind kind, LocalDate expiry, boolean employed, boolean benefits) {
    return event(on, CaseOpened.newBuilder().setPermitKind(kind).setPermitExpiresOn(expiry)
        .setProcedure(Procedure.RENEWAL).setDepartment("93").setAssignedVolunteerId("vol-1").setEmployed(employed)
        .setReceivesBenefits(benefits).setBenefitKinds(benefits ? List.of(BenefitKind.CAF) : List.of()).build());
  }

  public CaseEvent opened(LocalDate on, LocalDate expiry) {
    return opened(on, PermitKind.CARTE_TEMPORAIRE, expiry, false, false);
  }

  public CaseEvent volunteer(LocalDate on, String volunteerId) {
    return event(on, new VolunteerAssigned(volunteerId));
  }

  public CaseEvent submission(LocalDate on) {
    return submission(on, true, true);
  }

  public CaseEvent submission(LocalDate on, boolean complete, boolean routes) {
    return event(on, new SubmissionRecorded(Procedure.RENEWAL, complete, routes));
  }

  public CaseEvent api(LocalDate on, LocalDate validUntil) {
    return event(on, new ApiIssued(validUntil));
  }

  public CaseEvent apiLapse(LocalDate on) {
    return event(on, new ApiExpiryRecorded());
  }

  public CaseEvent blockage(LocalDate on, BlockageKind kind) {
    return event(on, new BlockageReported(kind, null));
  }

  public CaseEvent unblocked(LocalDate on, BlockageKind kind) {
    return event(on, new BlockageResolved(kind));
  }

  public CaseEvent ccc(LocalDate on, CccOutcome outcome) {
    return event(on, new CccContactAttempted(CccChannel.PHONE, outcome, 45));
  }

  public CaseEvent employerRefusal(LocalDate on) {
    return event(on, new EmployerRefusedApi());
  }

  public CaseEvent decision(LocalDate on, Decision decision, LocalDate newExpiry) {
    return event(on, new DecisionReceived(decision, newExpiry, null, null, null));
  }

  /** A refusal with the last day to contest it, as the decision states it. */
  public CaseEvent refusal(LocalDate on, Decision decision, LocalDate appealDeadline) {
    return event(on, new DecisionReceived(decision, null, null, appealDeadline, null));
  }

  /** A refusal with an OQTF, with the terms its notification states. */
  public CaseEvent oqtf(LocalDate on, org.vigie.schemas.OqtfTerms terms) {
    return event(on, new DecisionReceived(Decision.REFUSED_WITH_OQTF, null, null, null, terms));
  }

  /** The same event recorded on another day (at 10:00, Paris): the events above are recorded on 1 January 2026. */
  public static CaseEvent recordedOn(LocalDate day, CaseEvent event) {
    return CaseEvent.newBuilder(event).setRecordedAt(day.atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Paris"))
        .toInstant()).build();
  }

  public CaseEvent situation(LocalDate on, Boolean employed, Boolean benefits) {
    return event(on, new SituationUpdated(employed, benefits, null, null));
  }

  /** An appeal filed for the person (the API's APPEAL_FILED). */
  public CaseEvent appeal(LocalDate on, AppealKind kind) {
    return event(on, SituationUpdated.newBuilder().setAppeal(kind).build());
  }

  public CaseEvent closed(LocalDate on) {
    return event(on, new CaseClosed());
  }

  public CaseEvent erased(LocalDate on) {
    return event(on, new CaseErased());
  }

  /** An event that replaces {@code original}, recorded in error, by {@code payload} dated {@code on}. */
  public CaseEvent replacing(CaseEvent original, LocalDate on, Object payload) {
    return CaseEvent.newBuilder(event(on, payload))
        .setCorrection(new Correction(original.getEventId(), CorrectionKind.REPLACES)).build();
  }

  /** An event that withdraws {@code original}, recorded in error (a copy of its content). */
  public CaseEvent withdrawing(CaseEvent original) {
    return CaseEvent.newBuilder(event(original.getOccurredOn(), original.getPayload()))
        .setCorrection(new Correction(original.getEventId(), CorrectionKind.WITHDRAWS)).build();
  }
}
