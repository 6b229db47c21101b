package org.vigie.intake.followup;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.cases.CaseRecord;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Fields;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.QueryParams;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.Writes;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.intake.vault.Person;
import org.vigie.schemas.wording.CaseReference;

/**
 * The help desk's next step with a case's person, a day and its kind: {@code PUT|GET|DELETE
 * /api/v1/cases/{caseId}/follow-up} (members of the case's association), and {@code GET
 * /api/v1/follow-ups?from&to&mine} for the days to come (who comes to the help desk this week, whom to
 * call). A closed case's follow-up is not listed. The volunteer's calendar feed shows those of their cases.
 */
public final class FollowUpRoutes {
  public static final String ONE = "/api/v1/cases/{caseId}/follow-up";
  public static final String LIST = "/api/v1/follow-ups";
  private static final int MAX_DAYS_AHEAD = FollowUps.MAX_DAYS_AHEAD;

  private final Jdbi jdbi;
  private final CaseRepository cases;
  private final FollowUps followUps;
  private final IdentityVault vault;
  private final Writes writes;
  private final Json json;
  private final Clock clock;

  public FollowUpRoutes(Jdbi jdbi, CaseRepository cases, FollowUps followUps, IdentityVault vault, Writes writes, Json json,
      Clock clock) {
    this.jdbi = jdbi;
    this.cases = cases;
    this.followUps = followUps;
    this.vault = vault;
    this.writes = writes;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    Set<Role> members = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
    return List.of(ApiRoute.of(GET, ONE, members, this::get), ApiRoute.of(PUT, ONE, members, this::set),
        ApiRoute.of(DELETE, ONE, members, this::clear), ApiRoute.of(GET, LIST, members, this::list));
  }

  private void get(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    Optional<FollowUps.FollowUp> f = jdbi.withHandle(h -> {
      cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
      return followUps.of(h, caller.associationId(), caseId);
    });
    ObjectNode out = json.object().put("caseId", caseId.toString());
    f.ifPresentOrElse(v -> write(out.putObject("followUp"), v), () -> out.putNull("followUp"));
    ctx.json(out);
  }

  private void set(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    byte[] body = ctx.bodyAsBytes();
    Fields f = Fields.of(json.parseObject(body)).only(Set.of("dueOn", "kind"));
    LocalDate dueOn = f.requiredDate("dueOn");
    FollowUpKind kind = f.optionalEnum("kind", FollowUpKind.class).orElse(FollowUpKind.APPOINTMENT);
    LocalDate today = LocalDate.now(clock);
    if (dueOn.isBefore(today) || dueOn.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
      throw ApiProblem.unprocessable("dueOn", "Le champ 'dueOn' doit être entre aujourd'hui et dans deux ans",
          "Field 'dueOn' must be between today and two years from now");
    }
    writes.run(ctx, caller.associationId(), body, h -> {
      CaseRecord c = cases.lock(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
      if (!"OPEN".equals(c.status())) {
        throw ApiProblem.conflict("caseId", "Ce dossier est clos : il n'a plus de suite à prévoir",
            "This case is closed: there is no next step to plan");
      }
      if (c.identityErased()) {
        throw ApiProblem.conflict("caseId", "Ce dossier a été effacé : il n'a plus de suite à prévoir",
            "This case was erased: there is no next step to plan");
      }
      followUps.set(h, caller.associationId(), caseId, dueOn, kind, caller.recordedBy(), clock.instant());
      ObjectNode out = json.object().put("caseId", caseId.toString());
      write(out.putObject("followUp"), followUps.of(h, caller.associationId(), caseId).orElseThrow());
      return new CommandResult(200, out.toString(), List.of());
    });
  }

  private void clear(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    writes.run(ctx, caller.associationId(), null, h -> {
      cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
      if (!followUps.clear(h, caller.associationId(), caseId)) {
        throw ApiProblem.notFound(Resource.FOLLOW_UP);
      }
      return new CommandResult(204, "", List.of());
    });
  }

  /** The follow-ups from {@code from} (default today) to {@code to} (default a week later), all or {@code mine=true}. */
  private void list(Context ctx, Caller caller) {
    LocalDate today = LocalDate.now(clock);
    LocalDate from = QueryParams.date(ctx, "from").orElse(today);
    LocalDate to = QueryParams.date(ctx, "to").orElse(from.plusDays(6));
    if (to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS_AHEAD))) {
      throw ApiProblem.unprocessable("to", "Le paramètre 'to' doit être après 'from', deux ans au plus",
          "Query parameter 'to' must be after 'from', two years at most");
    }
    boolean mine = Boolean.parseBoolean(QueryParams.oneOf(ctx, "mine", List.of("false", "true")));
    if (mine && caller.volunteerId() == null) {
      throw ApiProblem.unprocessable("mine", "Le paramètre 'mine' demande le jeton d'un·e bénévole",
          "Query parameter 'mine' needs a volunteer's token");
    }
    record Listed(List<FollowUps.FollowUp> due, Map<UUID, Person> people) {}
    Listed listed = jdbi.withHandle(h -> {
      List<FollowUps.FollowUp> due = followUps.due(h, caller.associationId(), from, to,
          mine ? List.of(caller.volunteerId()) : List.of());
      return new Listed(due, vault.people(h, due.stream().map(FollowUps.FollowUp::caseId).toList()));
    });
    ObjectNode out = json.object().put("from", from.toString()).put("to", to.toString());
    ArrayNode list = out.putArray("followUps");
    for (FollowUps.FollowUp f : listed.due()) {
      ObjectNode n = list.addObject();
      write(n, f);
      Optional.ofNullable(listed.people().get(f.caseId())).ifPresent(p -> n.putObject("person").put("displayName", p.displayName()));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private static void write(ObjectNode n, FollowUps.FollowUp f) {
    n.put("caseId", f.caseId().toString()).put("reference", CaseReference.of(f.caseId().toString()))
        .put("dueOn", f.dueOn().toString()).put("kind", f.kind().name()).put("setBy", f.setBy()).put("setAt", f.setAt().toString())
        .put("assignedVolunteerId", f.assignedVolunteerId() == null ? null : f.assignedVolunteerId().toString());
  }
}
