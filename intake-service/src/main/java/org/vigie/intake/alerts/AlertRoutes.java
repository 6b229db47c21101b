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
import org.vigie.intake.http.QueryParams;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.Writes;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.schemas.AlertAcknowledgement;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.topics.Topics;

/** The association's alerts, from the read model; a member takes one in hand (acknowledges it). */
public final class AlertRoutes {
  private static final Set<Role> MEMBERS = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
  /** The most alerts a page holds, and the default: the list held this many before it had pages. */
  private static final int MAX_PAGE = 500;
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

  /**
   * A page of the association's alerts: {@code status} open (default), resolved or all;
   * {@code assignedVolunteerId}; {@code caseId}; {@code rule}; {@code acknowledged} true or false (taken in hand or not);
   * {@code order} recent (default: last emitted first) or urgency (most severe, then nearest
   * deadline first); {@code limit} 1–500 (default 500) and {@code offset}, with {@code total} and,
   * while more follow, {@code nextOffset}.
   */
  private void list(Context ctx, Caller caller) {
    String status = QueryParams.oneOf(ctx, "status", List.of("open", "resolved", "all"));
    Optional<UUID> volunteer = Optional.ofNullable(ctx.queryParam("assignedVolunteerId"))
        .map(s -> Ids.path(s, Resource.VOLUNTEER));
    Optional<UUID> caseId = QueryParams.uuid(ctx, "caseId");
    Optional<RuleId> rule = QueryParams.constant(ctx, "rule", RuleId.class);
    String acknowledged = QueryParams.oneOf(ctx, "acknowledged", List.of("any", "true", "false"));
    AlertRepository.Order order = "urgency".equals(QueryParams.oneOf(ctx, "order", List.of("recent", "urgency")))
        ? AlertRepository.Order.URGENCY : AlertRepository.Order.RECENT;
    int limit = QueryParams.integer(ctx, "limit", MAX_PAGE, 1, MAX_PAGE);
    int offset = QueryParams.integer(ctx, "offset", 0, 0, 1_000_000);
    AlertRepository.Query query = new AlertRepository.Query(caller.associationId(), status, volunteer, caseId, rule,
        "any".equals(acknowledged) ? Optional.empty() : Optional.of(Boolean.parseBoolean(acknowledged)), order, limit, offset);
    AlertRepository.Page page = alerts.byAssociation(query);
    ObjectNode out = json.object();
    ArrayNode list = out.putArray("alerts");
    page.alerts().forEach(list::add);
    out.put("total", page.total()).put("limit", limit).put("offset", offset);
    if (offset + page.alerts().size() < page.total()) {
      out.put("nextOffset", offset + page.alerts().size());
    }
    ctx.json(out);
  }

  private void get(Context ctx, Caller caller) {
    String alertId = alertId(ctx);
    ctx.json(alerts.find(caller.associationId(), alertId).orElseThrow(() -> ApiProblem.notFound(Resource.ALERT)));
  }
}
