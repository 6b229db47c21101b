package org.vigie.intake.audit;

import static io.javalin.http.HandlerType.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.audit.retention.CaseActivity;
import org.vigie.audit.retention.RetentionPolicy;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.directory.AssociationScope;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.QueryParams;

/**
 * {@code GET /api/v1/associations/{associationId}/erasures-due}: the association's cases that the
 * daily retention run will erase within {@code withinDays} (default 60, 1–730) for want of activity,
 * with the day, the soonest first, so that its coordinators can keep a case still followed by
 * recording what happens to it (any event keeps it) before its identity is shredded. Case ids only.
 */
public final class ErasureDueRoutes {
  public static final String PATH = "/api/v1/associations/{associationId}/erasures-due";

  private final Jdbi jdbi;
  private final AssociationScope scope;
  private final RetentionPolicy policy;
  private final Json json;
  private final Clock clock;

  public ErasureDueRoutes(Jdbi jdbi, AssociationScope scope, RetentionPolicy policy, Json json, Clock clock) {
    this.jdbi = jdbi;
    this.scope = scope;
    this.policy = policy;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.of(GET, PATH, Set.of(Role.COORDINATOR), this::list));
  }

  private void list(Context ctx, Caller caller) {
    UUID association = scope.of(ctx, caller);
    int within = QueryParams.integer(ctx, "withinDays", 60, 1, 730);
    LocalDate horizon = LocalDate.now(clock).plusDays(within);
    List<CaseActivity> due = jdbi.withHandle(h -> CaseActivities.of(h, association, clock.getZone())).stream()
        .filter(a -> !a.erased() && !policy.erasureDay(a).isAfter(horizon))
        .sorted(Comparator.comparing(policy::erasureDay).thenComparing(CaseActivity::caseId))
        .toList();
    ObjectNode out = json.object().put("withinDays", within).put("retention", policy.inactivity().toString());
    ArrayNode cases = out.putArray("cases");
    due.forEach(a -> cases.addObject().put("caseId", a.caseId()).put("lastActivityOn", a.lastActivityOn().toString())
        .put("erasureOn", policy.erasureDay(a).toString()));
    ctx.json(out);
  }
}
