package org.vigie.intake.audit;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.audit.kafka.EventLog;
import org.vigie.audit.stats.FederationStats;
import org.vigie.audit.stats.FederationStatsCollector;
import org.vigie.audit.timeline.CaseTimeline;
import org.vigie.audit.timeline.KafkaCaseHistory;
import org.vigie.audit.timeline.TimelineBuilder;
import org.vigie.audit.timeline.TimelineFormat;
import org.vigie.audit.timeline.TimelineNames;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Ids;
import org.vigie.intake.journal.IdentityAccesses;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.intake.vault.Person;
import org.vigie.platform.kafka.KafkaSettings;

/**
 * The audit endpoints: a case's timeline as evidence (JSON, CSV, PDF), for the members of its
 * association; the federation's anonymous statistics, for the federation administrator.
 */
public final class AuditRoutes {
  public static final String TIMELINE = "/api/v1/cases/{caseId}/timeline";
  public static final String STATS = "/api/v1/federation/stats";
  /** The statistics scan the whole event log: computed at most this often. */
  public static final Duration STATS_MAX_AGE = Duration.ofMinutes(10);

  private final IdentityAccesses accesses;
  private final Jdbi jdbi;
  private final CaseRepository cases;
  private final DirectoryRepository directory;
  private final IdentityVault vault;
  private final KafkaCaseHistory history;
  private static final String FEDERATION = "federation";
  private final StatsCache<String, FederationStats> stats;
  private final Clock clock;

  public AuditRoutes(Jdbi jdbi, CaseRepository cases, DirectoryRepository directory, IdentityVault vault,
      IdentityAccesses accesses, KafkaSettings kafka, Clock clock) {
    this.accesses = accesses;
    this.jdbi = jdbi;
    this.cases = cases;
    this.directory = directory;
    this.vault = vault;
    this.history = new KafkaCaseHistory(kafka);
    this.clock = clock;
    this.stats = new StatsCache<>(k -> {
      FederationStatsCollector collector = new FederationStatsCollector();
      new EventLog(kafka).forEach(collector);
      return collector.compute(LocalDate.now(clock), FederationStats.DEFAULT_MIN_CASES);
    }, clock::instant, STATS_MAX_AGE, 1);
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(GET, TIMELINE, Set.of(Role.COORDINATOR, Role.VOLUNTEER), this::timeline),
        ApiRoute.of(GET, STATS, Set.of(Role.ADMIN), this::stats));
  }

  private void timeline(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    TimelineFormat format = TimelineFormat.parse(Optional.ofNullable(ctx.queryParam("format")).orElse("json"))
        .orElseThrow(() -> ApiProblem.badRequest("format",
            "Le paramètre 'format' doit valoir json, csv ou pdf", "Query parameter 'format' must be json, csv or pdf"));
    record Known(String identityLabel, TimelineNames names) {}
    Known known = jdbi.withHandle(h -> {
      cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
      Map<String, String> volunteers = new HashMap<>();
      directory.volunteers(h, caller.associationId()).forEach(v -> volunteers.put(v.volunteerId().toString(), v.displayName()));
      String identityLabel = vault.person(h, caseId).map(Person::displayName).orElse(null);
      // A document naming the person leaves Vigie; the page's own view of the timeline is the case's, journaled there.
      if (identityLabel != null && format != TimelineFormat.JSON) {
        accesses.record(h, caller.associationId(), caseId, caller.recordedBy(), IdentityAccesses.Action.TIMELINE);
      }
      return new Known(identityLabel,
          new TimelineNames(directory.associationName(h, caller.associationId()).orElse(null), volunteers));
    });
    KafkaCaseHistory.CaseHistory h = history.read(caseId.toString());
    CaseTimeline t = new TimelineBuilder().build(caseId.toString(), caller.associationId().toString(), h.events(),
        h.alerts(), h.notifications(), known.identityLabel(), known.names(), clock.instant());
    ctx.contentType(format.contentType());
    ctx.header("Content-Disposition", "inline; filename=\"chronologie-" + caseId + "." + format.extension() + "\"");
    format.write(t, ctx.outputStream());
  }

  private void stats(Context ctx, Caller caller) throws Exception {
    StatsRequest request = StatsRequest.of(ctx, List.of());
    FederationStats s = stats.get(FEDERATION);
    request.answer(ctx, s, s);
  }
}
