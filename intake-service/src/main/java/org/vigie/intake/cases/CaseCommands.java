package org.vigie.intake.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Resource;
import org.vigie.intake.ids.TimeOrderedIds;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.topics.Topics;

/**
 * The writes on cases, inside a transaction the caller opened: rows, timeline, vault and the
 * outbox record of the CaseEvent. Shared by the HTTP API and the CSV import.
 */
public final class CaseCommands {
  public static final int SCHEMA_VERSION = 2;

  private final CaseRepository cases;
  private final DirectoryRepository directory;
  private final IdentityVault vault;
  private final Outbox outbox;
  private final Clock clock;
  /** Case and event ids: time-ordered, so that the busiest indexes grow at their end. */
  private final TimeOrderedIds ids;

  public CaseCommands(CaseRepository cases, DirectoryRepository directory, IdentityVault vault, Outbox outbox, Clock clock) {
    this.cases = cases;
    this.directory = directory;
    this.vault = vault;
    this.outbox = outbox;
    this.clock = clock;
    this.ids = new TimeOrderedIds(clock);
  }

  /** The outcome of one recorded event. */
  public record Recorded(UUID caseId, UUID eventId, OutboxRecord record) {}

  public Recorded open(Handle h, Caller caller, NewCase c, EventSource source) {
    UUID volunteer = c.assignedVolunteerId().orElse(caller.volunteerId());
    if (c.assignedVolunteerId().isPresent()) {
      requireActiveVolunteer(h, caller.associationId(), volunteer, "assignedVolunteerId");
    }
    UUID caseId = ids.next();
    String kinds = c.benefitKinds().stream().map(Enum::name).collect(Collectors.joining(","));
    cases.insert(h, new CaseRecord(caseId, caller.associationId(), c.permitKind().name(), c.permitExpiresOn(),
        c.procedure().name(), c.department(), volunteer, c.employed(), c.receivesBenefits(), kinds, "OPEN", false,
        c.openedOn(), c.openedOn()));
    c.person().ifPresent(p -> vault.storePerson(h, caseId, p));
    CaseOpened payload = opened(c, volunteer);
    c.details().put("assignedVolunteerId", volunteer == null ? null : volunteer.toString());
    return append(h, caller, caseId, EventType.CASE_OPENED, c.openedOn(), payload, c.details(), source);
  }

  public Recorded record(Handle h, Caller caller, UUID caseId, EventDraft e, EventSource source) {
    CaseRecord c = openCase(h, caller, caseId);
    if (e.volunteerId().isPresent()) {
      requireActiveVolunteer(h, caller.associationId(), e.volunteerId().get(), "volunteerId");
    }
    Object payload = e.payload();
    if (e.note().isPresent()) {
      UUID noteId = vault.storeNote(h, caseId, e.note().get());
      payload = BlockageReported.newBuilder((BlockageReported) payload).setNoteRef(noteId.toString()).build();
      e.details().put("noteRef", noteId.toString());
    }
    CaseRecord updated = apply(c, e);
    if (!updated.equals(c)) {
      // Most events (a contact attempt, a blockage) change nothing on the case once its last date is set.
      cases.update(h, updated);
    }
    return append(h, caller, caseId, e.type(), e.occurredOn(), payload, e.details(), source);
  }

  /**
   * Opens many new cases with their first events in one go (CSV import): everything is computed
   * in memory and written with one batch per table. The caller has checked the volunteers.
   */
  public List<Recorded> openAll(Handle h, Caller caller, List<NewCase> newCases, List<List<EventDraft>> drafts, EventSource source) {
    List<CaseRecord> records = new ArrayList<>();
    List<IdentityVault.NewCaseSecrets> secrets = new ArrayList<>();
    List<TimelineEntry> timeline = new ArrayList<>();
    List<UUID> timelineCases = new ArrayList<>();
    List<Map.Entry<String, CaseEvent>> events = new ArrayList<>();
    List<UUID> eventIds = new ArrayList<>();
    List<UUID> caseIds = new ArrayList<>();
    Instant now = clock.instant();
    for (int i = 0; i < newCases.size(); i++) {
      NewCase c = newCases.get(i);
      UUID caseId = ids.next();
      UUID volunteer = c.assignedVolunteerId().orElse(caller.volunteerId());
      CaseRecord record = new CaseRecord(caseId, caller.associationId(), c.permitKind().name(), c.permitExpiresOn(),
          c.procedure().name(), c.department(), volunteer, c.employed(), c.receivesBenefits(),
          c.benefitKinds().stream().map(Enum::name).collect(Collectors.joining(",")), "OPEN", false, c.openedOn(), c.openedOn());
      c.details().put("assignedVolunteerId", volunteer == null ? null : volunteer.toString());
      Map<UUID, String> notes = new LinkedHashMap<>();
      List<Object[]> payloads = new ArrayList<>();
      payloads.add(new Object[] {EventType.CASE_OPENED, c.openedOn(), opened(c, volunteer), c.details()});
      for (EventDraft e : drafts.get(i)) {
        Object payload = e.payload();
        if (e.note().isPresent()) {
          UUID noteId = UUID.randomUUID();
          notes.put(noteId, e.note().get());
          payload = BlockageReported.newBuilder((BlockageReported) payload).setNoteRef(noteId.toString()).build();
          e.details().put("noteRef", noteId.toString());
        }
        record = apply(record, e);
        payloads.add(new Object[] {e.type(), e.occurredOn(), payload, e.details()});
      }
      records.add(record);
      secrets.add(vault.seal(caseId, c.person().orElse(null), notes));
      for (Object[] p : payloads) {
        UUID eventId = ids.next();
        EventType type = (EventType) p[0];
        LocalDate on = (LocalDate) p[1];
        timeline.add(new TimelineEntry(eventId, type.name(), on, now, caller.recordedBy(), source.name(),
            (com.fasterxml.jackson.databind.node.ObjectNode) p[3]));
        timelineCases.add(caseId);
        events.add(Map.entry(caseId.toString(), event(eventId, caseId, caller, on, now, p[2], source)));
        eventIds.add(eventId);
      }
      caseIds.add(caseId);
    }
    cases.insertAll(h, records, timeline, timelineCases);
    vault.insertAll(h, secrets);
    List<OutboxRecord> out = outbox.appendAll(h, Topics.CASE_EVENTS, events);
    List<Recorded> result = new ArrayList<>();
    int at = 0;
    for (int i = 0; i < newCases.size(); i++) {
      int n = 1 + drafts.get(i).size();
      for (int k = 0; k < n; k++) {
        result.add(new Recorded(caseIds.get(i), eventIds.get(at + k), out.get(at + k)));
      }
      at += n;
    }
    return result;
  }

  private static CaseOpened opened(NewCase c, UUID volunteer) {
    return CaseOpened.newBuilder()
        .setPermitKind(c.permitKind()).setPermitExpiresOn(c.permitExpiresOn()).setProcedure(c.procedure())
        .setDepartment(c.department()).setAssignedVolunteerId(volunteer == null ? null : volunteer.toString())
        .setEmployed(c.employed()).setReceivesBenefits(c.receivesBenefits()).setBenefitKinds(c.benefitKinds())
        .build();
  }

  private static CaseEvent event(UUID eventId, UUID caseId, Caller caller, LocalDate occurredOn, Instant now, Object payload,
      EventSource source) {
    return CaseEvent.newBuilder()
        .setEventId(eventId.toString())
        .setCaseId(caseId.toString())
        .setAssociationId(caller.associationId().toString())
        .setOccurredOn(occurredOn)
        .setRecordedAt(now)
        .setRecordedBy(caller.recordedBy())
        .setSchemaVersion(SCHEMA_VERSION)
        .setPayload(payload)
        .setSource(source)
        .build();
  }

  /** Crypto-shredding of the case's identity and notes, and a CaseErased event (rules stop watching the case). */
  public Recorded eraseIdentity(Handle h, Caller caller, UUID caseId) {
    CaseRecord c = cases.lock(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
    if (c.identityErased()) {
      throw ApiProblem.unprocessable(null, "L'identité de ce dossier est déjà effacée",
          "The identity of this case is already erased");
    }
    vault.erase(h, caseId);
    LocalDate today = LocalDate.now(clock);
    cases.update(h, new CaseRecord(c.caseId(), c.associationId(), c.permitKind(), c.permitExpiresOn(), c.procedure(),
        c.department(), c.assignedVolunteerId(), c.employed(), c.receivesBenefits(), c.benefitKinds(), c.status(), true,
        c.openedOn(), today));
    return append(h, caller, caseId, EventType.CASE_ERASED, today, new CaseErased(),
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), EventSource.API);
  }

  private CaseRecord openCase(Handle h, Caller caller, UUID caseId) {
    CaseRecord c = cases.lock(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
    if (c.identityErased()) {
      throw ApiProblem.unprocessable("caseId", "Ce dossier a été effacé ; aucun événement ne peut y être enregistré",
          "This case was erased; no event can be recorded on it");
    }
    if (c.closed()) {
      throw ApiProblem.unprocessable("caseId", "Ce dossier est clos ; aucun événement ne peut y être enregistré",
          "This case is closed; no event can be recorded on it");
    }
    return c;
  }

  private void requireActiveVolunteer(Handle h, UUID associationId, UUID volunteerId, String field) {
    if (directory.volunteer(h, associationId, volunteerId).filter(v -> v.active()).isEmpty()) {
      throw ApiProblem.unprocessable(field, "Le champ '" + field + "' ne désigne pas un bénévole actif de cette association",
          "Field '" + field + "' is not an active volunteer of this association");
    }
  }

  private static CaseRecord apply(CaseRecord c, EventDraft e) {
    String permitKind = c.permitKind();
    LocalDate expires = c.permitExpiresOn();
    UUID volunteer = c.assignedVolunteerId();
    boolean employed = c.employed();
    boolean benefits = c.receivesBenefits();
    String kinds = c.benefitKinds();
    String status = c.status();
    switch (e.type()) {
      case VOLUNTEER_ASSIGNED -> volunteer = e.volunteerId().orElseThrow();
      case CASE_CLOSED -> status = "CLOSED";
      case DECISION_RECEIVED -> {
        DecisionReceived d = (DecisionReceived) e.payload();
        if (d.getNewPermitExpiresOn() != null) {
          expires = d.getNewPermitExpiresOn();
        }
        if (d.getNewPermitKind() != null) {
          permitKind = d.getNewPermitKind().name();
        }
      }
      case SITUATION_UPDATED -> {
        SituationUpdated s = (SituationUpdated) e.payload();
        employed = s.getEmployed() != null ? s.getEmployed() : employed;
        benefits = s.getReceivesBenefits() != null ? s.getReceivesBenefits() : benefits;
        kinds = s.getBenefitKinds() != null ? s.getBenefitKinds().stream().map(Enum::name).collect(Collectors.joining(",")) : kinds;
      }
      default -> { }
    }
    LocalDate last = e.occurredOn().isAfter(c.lastEventOn()) ? e.occurredOn() : c.lastEventOn();
    return new CaseRecord(c.caseId(), c.associationId(), permitKind, expires, c.procedure(), c.department(), volunteer,
        employed, benefits, kinds, status, c.identityErased(), c.openedOn(), last);
  }

  private Recorded append(Handle h, Caller caller, UUID caseId, EventType type, LocalDate occurredOn, Object payload,
      com.fasterxml.jackson.databind.node.ObjectNode details, EventSource source) {
    UUID eventId = ids.next();
    Instant now = clock.instant();
    CaseEvent event = event(eventId, caseId, caller, occurredOn, now, payload, source);
    cases.appendTimeline(h, caseId, caller.associationId(),
        new TimelineEntry(eventId, type.name(), occurredOn, now, caller.recordedBy(), source.name(), details));
    OutboxRecord record = outbox.append(h, Topics.CASE_EVENTS, caseId.toString(), event);
    return new Recorded(caseId, eventId, record);
  }
}
