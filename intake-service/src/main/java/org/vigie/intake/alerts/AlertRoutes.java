package org.vigie.intake.alerts;

import static io.javalin.http.HandlerType.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;

/** The association's alerts, from the read model. */
public final class AlertRoutes {
  private static final Set<Role> MEMBERS = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
  private final AlertRepository alerts;
  private final Json json;

  public AlertRoutes(AlertRepository alerts, Json json) {
    this.alerts = alerts;
    this.json = json;
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(GET, "/api/v1/alerts", MEMBERS, this::list),
        ApiRoute.of(GET, "/api/v1/alerts/{alertId}", MEMBERS, this::get));
  }

  private void list(Context ctx, Caller caller) {
    String status = Optional.ofNullable(ctx.queryParam("status")).orElse("open");
    if (!Set.of("open", "resolved", "all").contains(status)) {
      throw ApiProblem.unprocessable("status", "Le paramètre 'status' doit valoir open, resolved ou all",
          "Query parameter 'status' must be open, resolved or all");
    }
    Optional<UUID> volunteer = Optional.ofNullable(ctx.queryParam("assignedVolunteerId"))
        .map(s -> Ids.path(s, Resource.VOLUNTEER));
    ArrayNode list = json.mapper().createArrayNode();
    alerts.byAssociation(caller.associationId(), status, volunteer, 500).forEach(list::add);
    ctx.json(json.object().set("alerts", list));
  }

  private void get(Context ctx, Caller caller) {
    String alertId = ctx.pathParam("alertId");
    if (alertId.length() > 200) {
      throw ApiProblem.notFound(Resource.ALERT);
    }
    ctx.json(alerts.find(caller.associationId(), alertId).orElseThrow(() -> ApiProblem.notFound(Resource.ALERT)));
  }
}
