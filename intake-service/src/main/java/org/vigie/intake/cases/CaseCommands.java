package org.vigie.intake.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
import org.vigie.intake.vault.Person;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.topics.Topics;

/**
 * The writes on cases, inside a transaction the caller opened: rows, timeline, vault and the
 * outbox record of the CaseEvent. Shared by the HTTP API and the CSV import.
 */
public final class CaseCommands {
  public static final int SCHEMA_VERSION = 2;
  /** The version of an event that corrects another (CaseEvent.correction, added in version 3). */
  public static final int CORRECTION_SCHEMA_VERSION = 3;
  /** A day as the French texts of a refusal write it. */
  private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private final CaseRepository cases;
  private final DirectoryRepository directory;
  private final IdentityVault vault;
  private final Outbox outbox;
  private final CaseRequests requests;
  private final Clock clock;
  /** Case and event ids: time-ordered, so that the busiest indexes grow at their end. */
  private final TimeOrderedIds ids;

  public CaseCommands(CaseRepository cases, DirectoryRepository directory, IdentityVault vault, Outbox outbox,
      CaseRequests requests, Clock clock) {
    this.cases = cases;
    this.directory = directory;
    this.vault = vault;
    this.outbox = outbox;
    this.requests = requests;
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
    CaseOpened payload = c.payload(volunteer);
    c.details().put("assignedVolunteerId", volunteer == null ? null : volunteer.toString());
    return append(h, caller, caseId, EventType.CASE_OPENED, c.openedOn(), payload, c.details(), source);
  }

  public Recorded record(Handle h, Caller caller, UUID caseId, EventDraft e, EventSource source) {
    CaseRecord c = openCase(h, caller, caseId);
    if (e.volunteerId().isPresent()) {
      requireActiveVolunteer(h, caller.associationId(), e.volunteerId().get(), "volunteerId");
    }
    return recordOn(h, caller, c, e, source);
  }

  /** Records {@code e} on an open case, its volunteer (if any) already checked. */
  private Recorded recordOn(Handle h, Caller caller, CaseRecord c, EventDraft e, EventSource source) {
    if (e.type() == EventType.CASE_CLOSED) {
      requireClosureAfterOpening(e.occurredOn(), c.openedOn());
    }
    UUID caseId = c.caseId();
    Object payload = withNote(h, caseId, e);
    updateIfChanged(h, c, CaseRows.apply(c, e));
    return append(h, caller, caseId, e.type(), e.occurredOn(), payload, e.details(), source);
  }

  /**
   * Hands every open case {@code from} follows over to another volunteer: {@code assignment}, a
   * VOLUNTEER_ASSIGNED draft, recorded on each (as many events, one transaction). {@code from} may
   * be deactivated already: a volunteer who leaves is deactivated, then their cases are handed over.
   */
  public List<Recorded> handOver(Handle h, Caller caller, UUID from, EventDraft assignment, EventSource source) {
    UUID to = assignment.volunteerId().orElseThrow();
    if (directory.volunteer(h, caller.associationId(), from).isEmpty()) {
      throw ApiProblem.unprocessable("fromVolunteerId", "Le champ 'fromVolunteerId' ne désigne pas un bénévole de cette association",
          "Field 'fromVolunteerId' is not a volunteer of this association");
    }
    if (from.equals(to)) {
      throw ApiProblem.unprocessable("toVolunteerId", "Le champ 'toVolunteerId' doit désigner un autre bénévole que 'fromVolunteerId'",
          "Field 'toVolunteerId' must be another volunteer than 'fromVolunteerId'");
    }
    requireActiveVolunteer(h, caller.associationId(), to, "toVolunteerId");
    List<Recorded> recorded = new ArrayList<>();
    for (UUID caseId : cases.openCasesFollowedBy(h, caller.associationId(), from)) {
      recorded.add(recordOn(h, caller, openCase(h, caller, caseId), assignment, source));
    }
    return recorded;
  }

  /**
   * Replaces an event recorded in error with {@code e}, of the same type: a new event naming it
   * (CaseEvent.correction REPLACES); the case's row then follows the events that stand.
   */
  public Recorded replace(Handle h, Caller caller, UUID caseId, UUID eventId, EventDraft e, EventSource source) {
    Corrected target = correctable(h, caller, caseId, eventId);
    if (!target.event().type().equals(e.type().name())) {
      throw ApiProblem.unprocessable("type", "Le champ 'type' doit être celui de l'événement corrigé, "
          + target.event().type(), "Field 'type' must be the type of the event corrected, " + target.event().type());
    }
    if (e.type() == EventType.CASE_CLOSED) {
      requireClosureAfterOpening(e.occurredOn(), target.row().openedOn());
    } else if (e.type() == EventType.CASE_OPENED) {
      requireOpeningBeforeClosure(e.occurredOn(), target.history().standing());
    }
    Object payload = withNote(h, caseId, e);
    return correct(h, caller, target, e.type(), e.occurredOn(), payload, e.details(), CorrectionKind.REPLACES, source);
  }

  /**
   * Withdraws an event recorded in error: a new event naming it (CaseEvent.correction WITHDRAWS) whose payload
   * copies the withdrawn one, so that a reader unaware of corrections sees a duplicate, not a new fact.
   */
  public Recorded withdraw(Handle h, Caller caller, UUID caseId, UUID eventId, EventSource source) {
    Corrected target = correctable(h, caller, caseId, eventId);
    EventType type = EventType.valueOf(target.event().type());
    if (!type.withdrawable()) {
      throw ApiProblem.unprocessable("eventId", "L'ouverture d'un dossier ne se retire pas : corrigez-la",
          "A case's opening is not withdrawn: correct it instead");
    }
    EventDraft copy = recorded(target.event());
    return correct(h, caller, target, type, copy.occurredOn(), copy.payload(), copy.details(), CorrectionKind.WITHDRAWS, source);
  }

  /**
   * A case is not closed before its follow-up began: a closure dated before the opening is 422 naming
   * {@code occurredOn}. A case followed before it was recorded (its opening dated today by default) has its
   * opening corrected first, which the refusal says.
   */
  private static void requireClosureAfterOpening(LocalDate closedOn, LocalDate openedOn) {
    if (closedOn.isBefore(openedOn)) {
      throw ApiProblem.unprocessable("occurredOn", "Le champ 'occurredOn' (la clôture) est antérieur à l'ouverture du dossier, le "
          + FRENCH_DAY.format(openedOn) + " ; si le suivi a commencé plus tôt, corrigez d'abord la date d'ouverture",
          "Field 'occurredOn' (the closure) is before the case's opening, on " + openedOn
          + "; if the follow-up began earlier, correct the opening date first");
    }
  }

  /** The same contradiction from the other side: an opening corrected to a day after the case's standing closure. */
  private static void requireOpeningBeforeClosure(LocalDate openedOn, List<TimelineEntry> standing) {
    standing.stream().filter(e -> EventType.CASE_CLOSED.name().equals(e.type()) && e.occurredOn().isBefore(openedOn))
        .findFirst().ifPresent(closure -> {
          throw ApiProblem.unprocessable("occurredOn", "Le champ 'occurredOn' (l'ouverture) est postérieur à la clôture du dossier, le "
              + FRENCH_DAY.format(closure.occurredOn()) + " ; corrigez d'abord la date de clôture",
              "Field 'occurredOn' (the opening) is after the case's closure, on " + closure.occurredOn()
              + "; correct the closure date first");
        });
  }

  /** The case (locked) and its event that a correction names, once it may be corrected. */
  private record Corrected(CaseRecord row, CaseHistory history, TimelineEntry event) {}

  private Corrected correctable(Handle h, Caller caller, UUID caseId, UUID eventId) {
    CaseRecord c = notErased(h, caller, caseId);
    CaseHistory history = cases.history(h, caller.associationId(), caseId);
    TimelineEntry event = history.event(eventId).orElseThrow(() -> ApiProblem.notFound(Resource.EVENT));
    if (!EventType.valueOf(event.type()).correctable()) {
      throw ApiProblem.unprocessable("eventId", "Un événement " + event.type() + " ne se corrige pas"
          + " (pour confier le dossier à un autre bénévole : PUT /api/v1/cases/{caseId}/assignee)",
          "A " + event.type() + " event is not corrected (to give the case to another volunteer: PUT /api/v1/cases/{caseId}/assignee)");
    }
    if (event.correction() != null && event.correction().kind() == CorrectionKind.WITHDRAWS) {
      throw ApiProblem.unprocessable("eventId", "Un retrait ne se corrige pas : enregistrez à nouveau l'événement retiré",
          "A withdrawal is not corrected: record the withdrawn event again");
    }
    history.correctedBy(eventId).ifPresent(later -> {
      boolean replaced = later.correction().kind() == CorrectionKind.REPLACES;
      throw ApiProblem.conflict("eventId",
          "Cet événement a déjà été " + (replaced ? "remplacé" : "retiré") + " (événement " + later.eventId()
              + ") ; seule sa version la plus récente se corrige",
          "This event was already " + (replaced ? "replaced" : "withdrawn") + " (event " + later.eventId()
              + "); only its newest version can be corrected");
    });
    return new Corrected(c, history, event);
  }

  private Recorded correct(Handle h, Caller caller, Corrected target, EventType type, LocalDate occurredOn, Object payload,
      com.fasterxml.jackson.databind.node.ObjectNode details, CorrectionKind kind, EventSource source) {
    EventCorrection correction = new EventCorrection(target.event().eventId(), kind);
    UUID caseId = target.row().caseId();
    TimelineEntry entry = new TimelineEntry(ids.next(), type.name(), occurredOn, clock.instant(), caller.recordedBy(),
        source.name(), details, correction);
    updateIfChanged(h, target.row(), CaseRows.refold(target.row(), target.history().with(entry).standing(), this::recorded));
    return append(h, caller, caseId, entry, payload);
  }

  /** An earlier event's request, parsed again from what was recorded (409 in the unlikely case it no longer parses). */
  private EventDraft recorded(TimelineEntry e) {
    try {
      return requests.recorded(e);
    } catch (ApiProblem unreadable) {
      throw ApiProblem.conflict("eventId", "L'événement du " + e.occurredOn() + " (" + e.type() + ") ne peut pas être relu tel "
          + "qu'il a été enregistré ; ce dossier ne peut pas être corrigé ici", "The event of " + e.occurredOn() + " ("
          + e.type() + ") cannot be read back as it was recorded; this case cannot be corrected here");
    }
  }

  /** The payload to publish: a blockage's note goes to the vault, the payload and the details keep its reference. */
  private Object withNote(Handle h, UUID caseId, EventDraft e) {
    Object payload = e.payload();
    if (e.note().isPresent()) {
      UUID noteId = vault.storeNote(h, caseId, e.note().get());
      payload = BlockageReported.newBuilder((BlockageReported) payload).setNoteRef(noteId.toString()).build();
      e.details().put("noteRef", noteId.toString());
    }
    return payload;
  }

  private void updateIfChanged(Handle h, CaseRecord before, CaseRecord after) {
    if (!after.equals(before)) {
      // Most events (a contact attempt, a blockage) change nothing on the case once its last date is set.
      cases.update(h, after);
    }
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
      payloads.add(new Object[] {EventType.CASE_OPENED, c.openedOn(), c.payload(volunteer), c.details()});
      for (EventDraft e : drafts.get(i)) {
        Object payload = e.payload();
        if (e.note().isPresent()) {
          UUID noteId = UUID.randomUUID();
          notes.put(noteId, e.note().get());
          payload = BlockageReported.newBuilder((BlockageReported) payload).setNoteRef(noteId.toString()).build();
          e.details().put("noteRef", noteId.toString());
        }
        record = CaseRows.apply(record, e);
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

  private static CaseEvent event(UUID eventId, UUID caseId, Caller caller, LocalDate occurredOn, Instant now, Object payload,
      EventSource source) {
    return builder(eventId, caseId, caller, occurredOn, now, payload, source).build();
  }

  private static CaseEvent.Builder builder(UUID eventId, UUID caseId, Caller caller, LocalDate occurredOn, Instant now,
      Object payload, EventSource source) {
    return CaseEvent.newBuilder()
        .setEventId(eventId.toString())
        .setCaseId(caseId.toString())
        .setAssociationId(caller.associationId().toString())
        .setOccurredOn(occurredOn)
        .setRecordedAt(now)
        .setRecordedBy(caller.recordedBy())
        .setSchemaVersion(SCHEMA_VERSION)
        .setPayload(payload)
        .setSource(source);
  }

  /**
   * Replaces the person's identity (a name misspelled, a phone changed, the foreigner number the
   * prefecture gave after a first request). Only intake's vault changes: nothing goes to Kafka, and the
   * rules do not need it. An erased identity cannot be given back (409).
   */
  public void replacePerson(Handle h, Caller caller, UUID caseId, Person person) {
    CaseRecord c = cases.lock(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
    if (c.identityErased()) {
      throw new ApiProblem(409, "identity-erased", "Identité effacée / Identity erased",
          new org.vigie.intake.http.Detail("L'identité de ce dossier a été effacée : elle ne peut pas être redonnée",
              "The identity of this case was erased: it cannot be given again"), null);
    }
    vault.storePerson(h, caseId, person);
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

  /** The case, locked; an erased case takes no event (a correction neither). */
  private CaseRecord notErased(Handle h, Caller caller, UUID caseId) {
    CaseRecord c = cases.lock(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
    if (c.identityErased()) {
      throw ApiProblem.unprocessable("caseId", "Ce dossier a été effacé ; aucun événement ne peut y être enregistré",
          "This case was erased; no event can be recorded on it");
    }
    return c;
  }

  private CaseRecord openCase(Handle h, Caller caller, UUID caseId) {
    CaseRecord c = notErased(h, caller, caseId);
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

  private Recorded append(Handle h, Caller caller, UUID caseId, EventType type, LocalDate occurredOn, Object payload,
      com.fasterxml.jackson.databind.node.ObjectNode details, EventSource source) {
    return append(h, caller, caseId,
        new TimelineEntry(ids.next(), type.name(), occurredOn, clock.instant(), caller.recordedBy(), source.name(), details), payload);
  }

  /** The timeline entry and, in the outbox, its CaseEvent (version 3 with its correction, if it corrects). */
  private Recorded append(Handle h, Caller caller, UUID caseId, TimelineEntry e, Object payload) {
    CaseEvent.Builder event = builder(e.eventId(), caseId, caller, e.occurredOn(), e.recordedAt(), payload,
        EventSource.valueOf(e.source()));
    if (e.correction() != null) {
      event.setCorrection(e.correction().avro()).setSchemaVersion(CORRECTION_SCHEMA_VERSION);
    }
    cases.appendTimeline(h, caseId, caller.associationId(), e);
    OutboxRecord record = outbox.append(h, Topics.CASE_EVENTS, caseId.toString(), event.build());
    return new Recorded(caseId, e.eventId(), record);
  }
}
