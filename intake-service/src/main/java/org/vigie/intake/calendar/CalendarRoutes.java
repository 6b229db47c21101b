package org.vigie.intake.calendar;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.alerts.AlertRepository;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.followup.FollowUps;
import org.vigie.platform.crypto.Sha256;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Writes;

/**
 * A volunteer's deadlines in their own calendar application (Thunderbird, Outlook, Google Agenda, the
 * phone's calendar): {@code POST /api/v1/me/calendar} gives a secret address to subscribe to, which a
 * new request replaces and {@code DELETE} ends; {@code GET} says whether there is one and when a calendar
 * last read it. The address, {@code /calendar/{secret}.ics}, is read without a token (calendar
 * applications cannot send one): it gives the open alerts with a deadline of the cases the volunteer
 * follows, and their follow-ups (appointments, calls back), with the case's reference and never the
 * person's identity, and stops answering once the
 * volunteer is deactivated or the association closed.
 */
public final class CalendarRoutes {
  public static final String SUBSCRIPTION = "/api/v1/me/calendar";
  public static final String FEED = "/calendar/{file}";
  private static final String SUFFIX = ".ics";

  private final Jdbi jdbi;
  private final CalendarFeeds feeds;
  private final AlertRepository alerts;
  private final FollowUps followUps;
  private final Writes writes;
  private final Json json;
  private final Clock clock;

  public CalendarRoutes(Jdbi jdbi, CalendarFeeds feeds, AlertRepository alerts, FollowUps followUps, Writes writes, Json json,
      Clock clock) {
    this.jdbi = jdbi;
    this.feeds = feeds;
    this.alerts = alerts;
    this.followUps = followUps;
    this.writes = writes;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    Set<Role> members = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
    return List.of(ApiRoute.of(GET, SUBSCRIPTION, members, this::status),
        ApiRoute.of(POST, SUBSCRIPTION, members, this::subscribe),
        ApiRoute.of(DELETE, SUBSCRIPTION, members, this::unsubscribe));
  }

  /** The feed itself, outside the API's bearer authentication: its secret address is its credential. */
  public void install(JavalinConfig cfg) {
    cfg.routes.get(FEED, this::feed);
  }

  private static UUID volunteer(Caller caller) {
    if (caller.volunteerId() == null) {
      throw ApiProblem.unprocessable("Authorization",
          "Un agenda est celui d'un·e bénévole : connectez-vous avec votre propre jeton, pas celui de l'association",
          "A calendar is a volunteer's: sign in with your own token, not the association's");
    }
    return caller.volunteerId();
  }

  private void status(Context ctx, Caller caller) {
    UUID volunteer = volunteer(caller);
    Optional<CalendarFeeds.Feed> feed = jdbi.withHandle(h -> feeds.of(h, caller.associationId(), volunteer));
    ObjectNode out = json.object().put("subscribed", feed.isPresent());
    feed.ifPresent(f -> out.put("createdAt", f.createdAt().toString())
        .put("lastReadAt", f.lastReadAt() == null ? null : f.lastReadAt().toString()));
    ctx.json(out);
  }

  private void subscribe(Context ctx, Caller caller) {
    UUID volunteer = volunteer(caller);
    // No Idempotency-Key here: the answer holds a secret, which is never stored in clear.
    writes.run(ctx, null, null, h -> {
      String path = "/calendar/" + feeds.create(h, caller.associationId(), volunteer, clock.instant()) + SUFFIX;
      ObjectNode out = json.object().put("path", path).put("url", origin(ctx) + path);
      return new CommandResult(201, out.toString(), List.of());
    });
  }

  private void unsubscribe(Context ctx, Caller caller) {
    UUID volunteer = volunteer(caller);
    writes.run(ctx, null, null, h -> {
      if (!feeds.delete(h, caller.associationId(), volunteer)) {
        throw ApiProblem.notFound(org.vigie.intake.http.Resource.CALENDAR);
      }
      return new CommandResult(204, "", List.of());
    });
  }

  private void feed(Context ctx) {
    String file = ctx.pathParam("file");
    String secret = file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : "";
    ctx.header("Cache-Control", "private, max-age=300").header("Referrer-Policy", "no-referrer");
    Optional<String> calendar = secret.isEmpty() ? Optional.empty() : jdbi.inTransaction(h ->
        feeds.open(h, secret, clock.instant()).map(f -> {
          // the volunteer's cases, and those of the volunteers away whom they stand in for
          java.time.LocalDate today = java.time.LocalDate.now(clock);
          Map<UUID, String> standingIn = feeds.standingInFor(h, f.associationId(), f.volunteerId(), today);
          List<UUID> whose = new java.util.ArrayList<>(List.of(f.volunteerId()));
          whose.addAll(standingIn.keySet());
          return DeadlineCalendar.render(alerts.openDeadlines(h, f.associationId(), whose),
              followUps.due(h, f.associationId(), today.minusDays(30), today.plusYears(2), whose), standingIn,
              "en".equals(f.language()), origin(ctx) + "/", clock.instant());
        }));
    if (calendar.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8")
          .result("Agenda inconnu ou supprimé / Unknown or deleted calendar\n");
      return;
    }
    // calendars read it again every hour or so: an unchanged content (its time stamps aside) is answered 304
    String tag = "\"" + java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(
        Sha256.of(calendar.get().replaceAll("(?m)^DTSTAMP:.*\r\n", "")), 16)) + "\"";
    ctx.header("ETag", tag);
    if (tag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType("text/calendar; charset=utf-8").result(calendar.get());
  }

  /** Where the page and the feed are served from, as the caller reached them (a proxy's forwarded scheme kept). */
  private static String origin(Context ctx) {
    String scheme = Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse(ctx.scheme());
    return scheme + "://" + ctx.host();
  }
}
