package org.vigie.intake.alerts;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Detail;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.Writes;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.schemas.AlertAcknowledgement;
import org.vigie.schemas.topics.Topics;

/** The association's alerts, from the read model; a member takes one in hand (acknowledges it). */
public final class AlertRoutes {
  private static final Set<Role> MEMBERS = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
  private final AlertRepository alerts;
  private final Writes writes;
  private final Outbox outbox;
  private final Json json;
  private final Clock clock;

  public AlertRoutes(AlertRepository alerts, Writes writes, Outbox outbox, Json json, Clock clock) {
    this.alerts = alerts;
    this.writes = writes;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(GET, "/api/v1/alerts", MEMBERS, this::list),
        ApiRoute.of(GET, "/api/v1/alerts/{alertId}", MEMBERS, this::get),
        ApiRoute.of(POST, "/api/v1/alerts/{alertId}/acknowledgement", MEMBERS, this::acknowledge));
  }

  /**
   * The caller takes an open alert in hand: recorded here and published to the notifier, which
   * then sends no reminder and no escalation to the coordinator for it. Acknowledging it again
   * answers the first acknowledgement; a resolved alert has nothing to acknowledge (409).
   */
  private void acknowledge(Context ctx, Caller caller) {
    String alertId = alertId(ctx);
    writes.runInOrder(ctx, "alert/" + alertId, caller.associationId(), null, h -> {
      ObjectNode alert = alerts.lock(h, caller.associationId(), alertId).orElseThrow(() -> ApiProblem.notFound(Resource.ALERT));
      if (!alert.path("acknowledgedAt").isNull()) {
        return new CommandResult(200, alert.toString(), List.of());
      }
      if (!"RAISED".equals(alert.path("status").asText())) {
        throw new ApiProblem(409, "alert-resolved", "Alerte résolue / Alert resolved",
            new Detail("Cette alerte est résolue : il n'y a rien à prendre en charge", "This alert is resolved: there is nothing to take in hand"),
            null);
      }
      Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      String by = caller.recordedBy();
      alerts.acknowledge(h, alertId, by, at);
      OutboxRecord r = outbox.append(h, Topics.ALERT_ACKNOWLEDGEMENTS, alertId, AlertAcknowledgement.newBuilder()
          .setAlertId(alertId).setCaseId(alert.path("caseId").asText()).setAssociationId(caller.associationId().toString())
          .setAcknowledgedBy(by).setAcknowledgedAt(at).build());
      alert.put("acknowledgedAt", at.toString()).put("acknowledgedBy", by);
      return new CommandResult(200, alert.toString(), List.of(r));
    });
  }

  private static String alertId(Context ctx) {
    String alertId = ctx.pathParam("alertId");
    if (alertId.length() > 200) {
      throw ApiProblem.notFound(Resource.ALERT);
    }
    return alertId;
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
    String alertId = alertId(ctx);
    ctx.json(alerts.find(caller.associationId(), alertId).orElseThrow(() -> ApiProblem.notFound(Resource.ALERT)));
  }
}
