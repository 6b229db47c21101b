package org.vigie.intake.cases;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.intake.alerts.AlertRepository;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.followup.FollowUps;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Fields;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.QueryParams;
import org.vigie.intake.http.Writes;
import org.vigie.intake.journal.IdentityAccesses;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.intake.vault.Person;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.VolunteerAssigned;

/** Cases: open, record events, read with timeline and alerts, list, reassign, give or correct the identity, erase it. */
public final class CaseRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CaseRoutes.class);
  private static final Set<Role> MEMBERS = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
  private static final Set<Role> COORDINATORS = Set.of(Role.COORDINATOR);
  private static final int MAX_PAGE = 200;

  private final IdentityAccesses accesses;
  private final Jdbi jdbi;
  private final CaseRepository cases;
  private final CaseCommands commands;
  private final CaseRequests requests;
  private final IdentityVault vault;
  private final AlertRepository alerts;
  private final FollowUps followUps;
  private final Writes writes;
  private final Json json;
  private final Clock clock;

  public CaseRoutes(Jdbi jdbi, CaseRepository cases, CaseCommands commands, CaseRequests requests, IdentityVault vault,
      AlertRepository alerts, FollowUps followUps, IdentityAccesses accesses, Writes writes, Json json, Clock clock) {
    this.accesses = accesses;
    this.followUps = followUps;
    this.jdbi = jdbi;
    this.cases = cases;
    this.commands = commands;
    this.requests = requests;
    this.vault = vault;
    this.alerts = alerts;
    this.writes = writes;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(POST, "/api/v1/cases", MEMBERS, this::open),
        ApiRoute.of(GET, "/api/v1/cases", MEMBERS, this::list),
        ApiRoute.of(GET, "/api/v1/cases/{caseId}", MEMBERS, this::get),
        ApiRoute.of(POST, "/api/v1/cases/{caseId}/events", MEMBERS, this::record),
        ApiRoute.of(POST, "/api/v1/cases/{caseId}/events/{eventId}/correction", MEMBERS, this::replace),
        ApiRoute.of(POST, "/api/v1/cases/{caseId}/events/{eventId}/withdrawal", MEMBERS, this::withdraw),
        ApiRoute.of(PUT, "/api/v1/cases/{caseId}/assignee", COORDINATORS, this::reassign),
        ApiRoute.of(POST, "/api/v1/cases/reassignments", COORDINATORS, this::handOver),
        ApiRoute.of(PUT, "/api/v1/cases/{caseId}/person", MEMBERS, this::replacePerson),
        ApiRoute.of(DELETE, "/api/v1/cases/{caseId}/identity", COORDINATORS, this::eraseIdentity));
  }

  private void open(Context ctx, Caller caller) {
    byte[] body = ctx.bodyAsBytes();
    NewCase c = requests.parseCase(json.parseObject(body), today());
    writes.run(ctx, caller.associationId(), body, h -> {
      SamePerson same = samePerson(h, caller, c.person(), null);
      CaseCommands.Recorded r = commands.open(h, caller, c, EventSource.API);
      ObjectNode answer = json.object().put("caseId", r.caseId().toString()).put("eventId", r.eventId().toString());
      return new CommandResult(201, same.into(answer).toString(), List.of(r.record()));
    });
  }

  /**
   * The person's identity replaced. The answer names no one (answers are kept in clear for
   * Idempotency-Key): the case id and, when open cases may be the same person's,
   * {@code possibleDuplicates} and {@code possibleDuplicatesByName}.
   */
  private void replacePerson(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    byte[] body = ctx.bodyAsBytes();
    Person person = requests.parsePerson(json.parseObject(body));
    writes.run(ctx, caller.associationId(), body, h -> {
      commands.replacePerson(h, caller, caseId, person);
      accesses.record(h, caller.associationId(), caseId, caller.recordedBy(), IdentityAccesses.Action.IDENTITY_CHANGED);
      SamePerson same = samePerson(h, caller, Optional.of(person), caseId);
      LOG.info("Identity of case {} replaced by {}", caseId, caller.recordedBy());
      return new CommandResult(200, same.into(json.object().put("caseId", caseId.toString())).toString(), List.of());
    });
  }

  /** The association's open cases, other than {@code except}, whose person has this person's foreigner number: most likely the same person. */
  private List<UUID> openCasesWithNumber(Handle h, Caller caller, Optional<Person> person, UUID except) {
    return person.map(Person::foreignerNumber).filter(n -> n != null && !n.isBlank())
        .map(vault::foreignerNumberIndex)
        .map(index -> vault.openCasesByNumberIndex(h, caller.associationId(), List.of(index))
            .getOrDefault(ByteBuffer.wrap(index), List.of()).stream().filter(id -> !id.equals(except)).toList())
        .orElse(List.of());
  }

  /**
   * The association's open cases, other than {@code except}, that may be this person's: those with the same
   * foreigner number, and those with the same name where one of the two has no number (a first request).
   */
  private SamePerson samePerson(Handle h, Caller caller, Optional<Person> person, UUID except) {
    List<UUID> byNumber = openCasesWithNumber(h, caller, person, except);
    boolean hasNumber = person.map(Person::foreignerNumber).filter(n -> !n.isBlank()).isPresent();
    List<UUID> byName = person.map(Person::displayName).map(vault::nameIndex).filter(index -> index.length > 0)
        .map(index -> vault.openCasesByNameIndex(h, caller.associationId(), List.of(index))
            .getOrDefault(ByteBuffer.wrap(index), List.of()))
        .map(matches -> IdentityVault.NameMatch.samePerson(matches, hasNumber, except, byNumber))
        .orElse(List.of());
    return new SamePerson(byNumber, byName);
  }

  /** Open cases that may be the same person's: by foreigner number (most likely), by name. */
  private record SamePerson(List<UUID> byNumber, List<UUID> byName) {
    ObjectNode into(ObjectNode answer) {
      if (!byNumber.isEmpty()) {
        ArrayNode others = answer.putArray("possibleDuplicates");
        byNumber.forEach(id -> others.add(id.toString()));
      }
      if (!byName.isEmpty()) {
        ArrayNode others = answer.putArray("possibleDuplicatesByName");
        byName.forEach(id -> others.add(id.toString()));
      }
      return answer;
    }
  }

  private void record(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    byte[] body = ctx.bodyAsBytes();
    EventDraft e = requests.parseEvent(json.parseObject(body), today());
    if (e.type() == EventType.VOLUNTEER_ASSIGNED && caller.role() != Role.COORDINATOR) {
      throw ApiProblem.forbidden();
    }
    writes.run(ctx, caller.associationId(), body, h -> accepted(commands.record(h, caller, caseId, e, EventSource.API)));
  }

  /** An event recorded in error replaced by the body's, of the same type. */
  private void replace(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    UUID eventId = Ids.path(ctx.pathParam("eventId"), Resource.EVENT);
    byte[] body = ctx.bodyAsBytes();
    EventDraft e = requests.parseCorrection(json.parseObject(body), today());
    writes.run(ctx, caller.associationId(), body, h -> corrected(commands.replace(h, caller, caseId, eventId, e, EventSource.API),
        new EventCorrection(eventId, CorrectionKind.REPLACES)));
  }

  /** An event recorded in error withdrawn (no body). */
  private void withdraw(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    UUID eventId = Ids.path(ctx.pathParam("eventId"), Resource.EVENT);
    writes.run(ctx, caller.associationId(), null, h -> corrected(commands.withdraw(h, caller, caseId, eventId, EventSource.API),
        new EventCorrection(eventId, CorrectionKind.WITHDRAWS)));
  }

  private void reassign(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    byte[] body = ctx.bodyAsBytes();
    Fields f = Fields.of(json.parseObject(body)).only(Set.of("volunteerId", "occurredOn"));
    EventDraft e = assignment(f.requiredId("volunteerId"), f);
    writes.run(ctx, caller.associationId(), body, h -> accepted(commands.record(h, caller, caseId, e, EventSource.API)));
  }

  /**
   * Hands every open case a volunteer follows over to another (a volunteer who leaves, say): one
   * VOLUNTEER_ASSIGNED event per case, all or none; 202 {"reassigned": n, "caseIds", "eventIds"}.
   */
  private void handOver(Context ctx, Caller caller) {
    byte[] body = ctx.bodyAsBytes();
    Fields f = Fields.of(json.parseObject(body)).only(Set.of("fromVolunteerId", "toVolunteerId", "occurredOn"));
    UUID from = f.requiredId("fromVolunteerId");
    EventDraft e = assignment(f.requiredId("toVolunteerId"), f);
    writes.run(ctx, caller.associationId(), body, h -> {
      List<CaseCommands.Recorded> recorded = commands.handOver(h, caller, from, e, EventSource.API);
      ObjectNode out = json.object().put("reassigned", recorded.size());
      ArrayNode caseIds = out.putArray("caseIds");
      ArrayNode eventIds = out.putArray("eventIds");
      recorded.forEach(r -> {
        caseIds.add(r.caseId().toString());
        eventIds.add(r.eventId().toString());
      });
      return new CommandResult(202, out.toString(), recorded.stream().map(CaseCommands.Recorded::record).toList());
    });
  }

  /** A VOLUNTEER_ASSIGNED draft for {@code volunteer}, on the request's {@code occurredOn} (today when absent, never later). */
  private EventDraft assignment(UUID volunteer, Fields f) {
    LocalDate on = f.optionalDate("occurredOn").orElse(today());
    CaseRequests.checkPast("occurredOn", on, today());
    return new EventDraft(EventType.VOLUNTEER_ASSIGNED, on, new VolunteerAssigned(volunteer.toString()),
        json.object().put("volunteerId", volunteer.toString()), Optional.empty(), Optional.of(volunteer));
  }

  private void eraseIdentity(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    writes.run(ctx, caller.associationId(), null, h -> accepted(commands.eraseIdentity(h, caller, caseId)));
  }

  private CommandResult accepted(CaseCommands.Recorded r) {
    return new CommandResult(202, json.object().put("eventId", r.eventId().toString()).toString(), List.of(r.record()));
  }

  /** Answered as a recorded event, with what it corrects. */
  private CommandResult corrected(CaseCommands.Recorded r, EventCorrection correction) {
    ObjectNode body = json.object().put("eventId", r.eventId().toString());
    body.set("correction", correction.json());
    return new CommandResult(202, body.toString(), List.of(r.record()));
  }

  private void get(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    ObjectNode out = jdbi.withHandle(h -> {
      CaseRecord c = cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
      Optional<Person> person = vault.person(h, caseId);
      if (person.isPresent()) {
        accesses.record(h, caller.associationId(), caseId, caller.recordedBy(), IdentityAccesses.Action.CASE_VIEWED);
      }
      ObjectNode n = summary(c, person);
      ArrayNode timeline = n.putArray("timeline");
      List<TimelineEntry> entries = cases.timeline(h, caller.associationId(), caseId);
      CaseHistory history = new CaseHistory(entries);
      Map<UUID, String> notes = vault.notes(h, caseId);
      for (TimelineEntry e : entries) {
        ObjectNode t = timeline.addObject().put("eventId", e.eventId().toString()).put("type", e.type())
            .put("occurredOn", e.occurredOn().toString()).put("recordedAt", e.recordedAt().toString())
            .put("recordedBy", e.recordedBy()).put("source", e.source());
        t.setAll(e.details());
        if (e.correction() != null) {
          t.set("correction", e.correction().json());
        }
        history.correctedBy(e.eventId()).ifPresent(later ->
            t.set("correctedBy", new EventCorrection(later.eventId(), later.correction().kind()).json()));
        if (e.details().hasNonNull("noteRef")) {
          UUID noteId = UUID.fromString(e.details().get("noteRef").asText());
          t.put("note", notes.get(noteId));
        }
      }
      ArrayNode list = n.putArray("alerts");
      alerts.byCase(h, caller.associationId(), caseId).forEach(list::add);
      return n;
    });
    ctx.json(out);
  }

  private void list(Context ctx, Caller caller) {
    String status = QueryParams.oneOf(ctx, "status", List.of("open", "closed", "all"));
    Optional<UUID> volunteer = Optional.ofNullable(ctx.queryParam("assignedVolunteerId")).map(s -> {
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("assignedVolunteerId", "Le paramètre 'assignedVolunteerId' doit être un identifiant",
            "Query parameter 'assignedVolunteerId' must be an id");
      }
    });
    Optional<String> department = Optional.ofNullable(ctx.queryParam("department"))
        .map(d -> CaseRequests.department(d, "Le paramètre", "Query parameter"));
    Optional<String> procedure = Optional.ofNullable(ctx.queryParam("procedure"))
        .map(p -> Fields.enumValue("procedure", p, Procedure.class).name());
    Optional<LocalDate> before = QueryParams.date(ctx, "permitExpiresBefore");
    Optional<String> foreignerNumber = Optional.ofNullable(ctx.queryParam("foreignerNumber")).map(n -> n.replace(" ", ""));
    if (foreignerNumber.isPresent() && !foreignerNumber.get().matches("\\d{10}")) {
      throw ApiProblem.unprocessable("foreignerNumber", "Le paramètre 'foreignerNumber' doit être les 10 chiffres du numéro AGDREF",
          "Query parameter 'foreignerNumber' must be the 10 digits of the AGDREF number");
    }
    int limit = QueryParams.integer(ctx, "limit", 50, 1, MAX_PAGE);
    int offset = QueryParams.integer(ctx, "offset", 0, 0, 1_000_000);
    CaseQuery q = new CaseQuery(caller.associationId(), status, volunteer, department, procedure, before,
        foreignerNumber.map(vault::foreignerNumberIndex), limit, offset);
    ObjectNode out = jdbi.withHandle(h -> {
      CaseRepository.Page page = cases.list(h, q);
      ObjectNode n = json.object();
      ArrayNode list = n.putArray("cases");
      // The names of the page's cases, read with one query.
      List<UUID> ids = page.cases().stream().map(CaseRecord::caseId).toList();
      Map<UUID, Person> people = vault.people(h, ids);
      Map<UUID, FollowUps.FollowUp> next = followUps.ofCases(h, caller.associationId(), ids);
      for (CaseRecord c : page.cases()) {
        ObjectNode s = summary(c, Optional.empty());
        Optional.ofNullable(people.get(c.caseId())).ifPresent(p -> s.putObject("person").put("displayName", p.displayName()));
        Optional.ofNullable(next.get(c.caseId()))
            .ifPresent(f -> s.putObject("followUp").put("dueOn", f.dueOn().toString()).put("kind", f.kind().name()));
        list.add(s);
      }
      n.put("total", page.total()).put("limit", limit).put("offset", offset);
      if (offset + page.cases().size() < page.total()) {
        n.put("nextOffset", offset + page.cases().size());
      }
      return n;
    });
    ctx.json(out);
  }

  private ObjectNode summary(CaseRecord c, Optional<Person> person) {
    ObjectNode n = json.object().put("caseId", c.caseId().toString()).put("associationId", c.associationId().toString())
        .put("status", c.status());
    ObjectNode permit = n.putObject("permit").put("kind", c.permitKind());
    permit.put("expiresOn", c.permitExpiresOn() == null ? null : c.permitExpiresOn().toString());
    n.put("procedure", c.procedure()).put("department", c.department())
        .put("assignedVolunteerId", c.assignedVolunteerId() == null ? null : c.assignedVolunteerId().toString())
        .put("employed", c.employed()).put("receivesBenefits", c.receivesBenefits());
    ArrayNode kinds = n.putArray("benefitKinds");
    if (!c.benefitKinds().isEmpty()) {
      for (String k : c.benefitKinds().split(",")) {
        kinds.add(k);
      }
    }
    n.put("openedOn", c.openedOn().toString()).put("lastEventOn", c.lastEventOn().toString())
        .put("identityErased", c.identityErased());
    if (person.isPresent()) {
      Person p = person.get();
      n.putObject("person").put("displayName", p.displayName()).put("foreignerNumber", p.foreignerNumber()).put("phone", p.phone());
    } else {
      n.putNull("person");
    }
    return n;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
