package org.vigie.audit.testing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigie.schemas.ApiExpiryRecorded;
import org.vigie.schemas.ApiIssued;
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
import org.vigie.schemas.SubmissionRecorded;

/** Builds the events of one case, in the order they are added. */
public final class CaseEvents {
  private final String caseId;
  private final String associationId;
  private final String recordedBy;
  private final List<CaseEvent> events = new ArrayList<>();

  private CaseEvents(String caseId, String associationId, String recordedBy) {
    this.caseId = caseId;
    this.associationId = associationId;
    this.recordedBy = recordedBy;
  }

  public static CaseEvents of(String caseId, String associationId) {
    return new CaseEvents(caseId, associationId, "vol-1");
  }

  public static CaseEvents random(String associationId) {
    return of(UUID.randomUUID().toString(), associationId);
  }

  public String caseId() {
    return caseId;
  }

  public List<CaseEvent> events() {
    return List.copyOf(events);
  }

  public CaseEvents opened(LocalDate on, String department, LocalDate permitExpiresOn) {
    return opened(on, department, permitExpiresOn, PermitKind.CARTE_TEMPORAIRE, false, false);
  }

  public CaseEvents opened(LocalDate on, String department, LocalDate permitExpiresOn, PermitKind kind,
      boolean employed, boolean receivesBenefits) {
    return add(on, CaseOpened.newBuilder().setPermitKind(kind).setPermitExpiresOn(permitExpiresOn)
        .setProcedure(Procedure.RENEWAL).setDepartment(department).setAssignedVolunteerId(recordedBy)
        .setEmployed(employed).setReceivesBenefits(receivesBenefits).build());
  }

  public CaseEvents submitted(LocalDate on) {
    return add(on, SubmissionRecorded.newBuilder().setProcedure(Procedure.RENEWAL).build());
  }

  public CaseEvents blockage(LocalDate on, BlockageKind kind) {
    return add(on, BlockageReported.newBuilder().setBlockage(kind).build());
  }

  public CaseEvents blockageResolved(LocalDate on, BlockageKind kind) {
    return add(on, BlockageResolved.newBuilder().setBlockage(kind).build());
  }

  public CaseEvents api(LocalDate issuedOn, LocalDate validUntil) {
    return add(issuedOn, ApiIssued.newBuilder().setValidUntil(validUntil).build());
  }

  public CaseEvents apiExpired(LocalDate on) {
    return add(on, ApiExpiryRecorded.newBuilder().build());
  }

  public CaseEvents ccc(LocalDate on, CccOutcome outcome) {
    return add(on, CccContactAttempted.newBuilder().setChannel(CccChannel.PHONE).setOutcome(outcome).setWaitMinutes(45).build());
  }

  public CaseEvents employerRefused(LocalDate on) {
    return add(on, EmployerRefusedApi.newBuilder().build());
  }

  public CaseEvents decision(LocalDate on, Decision decision) {
    return add(on, DecisionReceived.newBuilder().setDecision(decision).build());
  }

  /** A refusal with the last day to contest it, as the decision states it. */
  public CaseEvents refusal(LocalDate on, Decision decision, LocalDate appealDeadline) {
    return add(on, DecisionReceived.newBuilder().setDecision(decision).setAppealDeadline(appealDeadline).build());
  }

  public CaseEvents closed(LocalDate on) {
    return add(on, CaseClosed.newBuilder().build());
  }

  public CaseEvents erased(LocalDate on) {
    return add(on, CaseErased.newBuilder().build());
  }

  /** The event added last, e.g. to correct it. */
  public CaseEvent last() {
    return events.get(events.size() - 1);
  }

  /** Adds an event that happened {@code on}, recorded at noon UTC of {@code recordedOn} (a decision recorded late). */
  public CaseEvents recorded(LocalDate on, Object payload, LocalDate recordedOn) {
    return add(on, payload, recordedOn, null);
  }

  /** Adds an event whose recordedAt is noon UTC of its day plus its rank, so recording order is stable. */
  public CaseEvents add(LocalDate on, Object payload) {
    return add(on, payload, on, null);
  }

  /**
   * Adds, recorded at noon UTC of {@code recordedOn}, an event replacing {@code original} (recorded in
   * error) by {@code payload}, of the same kind, that happened {@code on}.
   */
  public CaseEvents replacing(CaseEvent original, LocalDate on, Object payload, LocalDate recordedOn) {
    return add(on, payload, recordedOn, new Correction(original.getEventId(), CorrectionKind.REPLACES));
  }

  /** Adds, recorded at noon UTC of {@code recordedOn}, an event withdrawing {@code original}: a copy of its content. */
  public CaseEvents withdrawing(CaseEvent original, LocalDate recordedOn) {
    return add(original.getOccurredOn(), original.getPayload(), recordedOn,
        new Correction(original.getEventId(), CorrectionKind.WITHDRAWS));
  }

  private CaseEvents add(LocalDate on, Object payload, LocalDate recordedOn, Correction correction) {
    events.add(CaseEvent.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes((caseId + "/" + events.size()).getBytes()).toString())
        .setCaseId(caseId).setAssociationId(associationId).setOccurredOn(on)
        .setRecordedAt(recordedOn.atTime(12, 0).toInstant(ZoneOffset.UTC).plusSeconds(events.size()))
        .setRecordedBy(recordedBy).setSchemaVersion(correction == null ? 2 : 3).setPayload(payload)
        .setSource(EventSource.API).setCorrection(correction).build());
    return this;
  }
}
