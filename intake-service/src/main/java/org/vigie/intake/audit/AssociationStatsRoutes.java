package org.vigie.intake.audit;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;
import org.vigie.audit.kafka.EventLog;
import org.vigie.audit.stats.FederationStats;
import org.vigie.audit.stats.FederationStatsCollector;
import org.vigie.audit.stats.PeriodComparison;
import org.vigie.intake.alerts.AlertActivity;
import org.vigie.intake.alerts.AlertRepository;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.directory.AssociationScope;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.QueryParams;
import org.vigie.platform.kafka.KafkaSettings;

/**
 * {@code GET /api/v1/associations/{associationId}/stats}: an association's own figures for its
 * activity report (coordinators; the administrator for any association). The alerts are counted from
 * the read model at each request; the ANEF tables scan the event log, so they are computed at most
 * every {@link AuditRoutes#STATS_MAX_AGE} per association and {@code minCases}.
 */
public final class AssociationStatsRoutes {
  public static final String PATH = "/api/v1/associations/{associationId}/stats";
  /** The same figures of the association's cases before and after a day (see {@link AuditRoutes#STATS_COMPARISON}). */
  public static final String COMPARISON = "/api/v1/associations/{associationId}/stats/comparison";
  private static final String ALERTS_TABLE = "alerts";
  private static final int CACHED = 64;

  private final Jdbi jdbi;
  private final AssociationScope scope;
  private final AlertRepository alerts;
  private final Clock clock;
  private final StatsCache<Key, FederationStats> anef;

  private final StatsCache<ComparisonKey, PeriodComparison> comparisons;

  private record Key(UUID associationId, int minCases) {}

  private record ComparisonKey(UUID associationId, int minCases, LocalDate pivot, int days, LocalDate asOf) {}

  public AssociationStatsRoutes(Jdbi jdbi, AssociationScope scope, AlertRepository alerts, KafkaSettings kafka, Clock clock) {
    this.jdbi = jdbi;
    this.scope = scope;
    this.alerts = alerts;
    this.clock = clock;
    this.anef = new StatsCache<>(k -> {
      FederationStatsCollector collector = new FederationStatsCollector(k.associationId().toString());
      new EventLog(kafka).forEach(collector);
      return collector.compute(LocalDate.now(clock), k.minCases());
    }, clock::instant, AuditRoutes.STATS_MAX_AGE, CACHED);
    this.comparisons = new StatsCache<>(k -> {
      FederationStatsCollector collector = new FederationStatsCollector(k.associationId().toString());
      new EventLog(kafka).forEach(collector);
      return collector.compare(k.pivot(), k.days(), k.asOf(), k.minCases());
    }, clock::instant, AuditRoutes.STATS_MAX_AGE, CACHED);
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.of(GET, PATH, Set.of(Role.COORDINATOR, Role.ADMIN), this::stats),
        ApiRoute.of(GET, COMPARISON, Set.of(Role.COORDINATOR, Role.ADMIN), this::comparison));
  }

  private void stats(Context ctx, Caller caller) throws IOException {
    UUID association = scope.of(ctx, caller);
    StatsRequest request = StatsRequest.of(ctx, List.of(ALERTS_TABLE));
    int minCases = QueryParams.integer(ctx, "minCases", FederationStats.DEFAULT_MIN_CASES, 1, 100);
    // The alerts are counted only for the answers that hold them: the JSON and the alerts table.
    java.util.function.Supplier<AlertActivity> activity = () -> jdbi.withHandle(h -> alerts.activity(h, association, clock.getZone()));
    if (request.extraTable().isPresent()) {
      ctx.contentType("text/csv; charset=utf-8").result(alertsCsv(activity.get()));
      return;
    }
    FederationStats stats = anef.get(new Key(association, minCases));
    request.answer(ctx, stats, () -> new AssociationStats(association.toString(), stats.asOf(), minCases, activity.get(), stats));
  }

  /** The association's cases before and after a day; small figures suppressed unless the coordinator asks ({@code minCases}). */
  private void comparison(Context ctx, Caller caller) {
    UUID association = scope.of(ctx, caller);
    LocalDate today = LocalDate.now(clock);
    ComparisonRequest request = ComparisonRequest.of(ctx, today);
    int minCases = QueryParams.integer(ctx, "minCases", FederationStats.DEFAULT_MIN_CASES, 1, 100);
    request.answer(ctx, comparisons.get(new ComparisonKey(association, minCases, request.pivot(), request.days(), today)));
  }

  /** The alerts per month and rule as CSV (RFC 4180, header row), as the other tables. */
  static String alertsCsv(AlertActivity activity) {
    StringBuilder out = new StringBuilder();
    try {
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
          .setHeader("month", "rule", "raised", "cases", "acknowledged", "resolved", "escalated", "lapsed", "closed").get());
      for (AlertActivity.Month m : activity.byMonth()) {
        printer.printRecord(m.month(), m.rule(), m.raised(), m.cases(), m.acknowledged(), m.resolved(), m.escalated(),
            m.lapsed(), m.closed());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
