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
import org.vigie.audit.stats.PeriodComparison;
import org.vigie.audit.timeline.CaseTimeline;
import org.vigie.audit.timeline.KafkaCaseHistory;
import org.vigie.audit.timeline.PersonalDataPdf;
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
import org.vigie.schemas.wording.CaseReference;

/**
 * The audit endpoints: a case's timeline as evidence (JSON, CSV, PDF), for the members of its
 * association; the federation's anonymous statistics, for the federation administrator.
 */
public final class AuditRoutes {
  public static final String TIMELINE = "/api/v1/cases/{caseId}/timeline";
  public static final String STATS = "/api/v1/federation/stats";
  /** The same figures before and after a day (by default the end of the Conseil d'État's six months). */
  public static final String STATS_COMPARISON = "/api/v1/federation/stats/comparison";
  /** What the association holds about the case's person, as a PDF answering a right-of-access request. */
  public static final String PERSONAL_DATA = "/api/v1/cases/{caseId}/personal-data";
  /** The statistics scan the whole event log: computed at most this often. */
  public static final Duration STATS_MAX_AGE = Duration.ofMinutes(10);

  private final IdentityAccesses accesses;
  /** How long after a case's last activity it is erased (VIGIE_RETENTION_PERIOD), as the personal-data document says. */
  private final java.time.Period retention;
  private final Jdbi jdbi;
  private final CaseRepository cases;
  private final DirectoryRepository directory;
  private final IdentityVault vault;
  private final KafkaCaseHistory history;
  private static final String FEDERATION = "federation";
  private final StatsCache<String, FederationStats> stats;
  private record ComparisonKey(LocalDate pivot, int days, LocalDate asOf) {}
  private final StatsCache<ComparisonKey, PeriodComparison> comparisons;
  private final Clock clock;

  public AuditRoutes(Jdbi jdbi, CaseRepository cases, DirectoryRepository directory, IdentityVault vault,
      IdentityAccesses accesses, java.time.Period retention, KafkaSettings kafka, Clock clock) {
    this.accesses = accesses;
    this.retention = retention;
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
    this.comparisons = new StatsCache<>(k -> {
      FederationStatsCollector collector = new FederationStatsCollector();
      new EventLog(kafka).forEach(collector);
      return collector.compare(k.pivot(), k.days(), k.asOf(), FederationStats.DEFAULT_MIN_CASES);
    }, clock::instant, STATS_MAX_AGE, 4);
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(GET, TIMELINE, Set.of(Role.COORDINATOR, Role.VOLUNTEER), this::timeline),
        ApiRoute.of(GET, PERSONAL_DATA, Set.of(Role.COORDINATOR), this::personalData),
        ApiRoute.of(GET, STATS, Set.of(Role.ADMIN), this::stats),
        ApiRoute.of(GET, STATS_COMPARISON, Set.of(Role.ADMIN), this::comparison));
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

  /**
   * The person's identity and free-text notes, what they are for and how long they are kept, as a PDF
   * in French to hand to the person who asks for them (GDPR, article 15); journaled. The case's events
   * are in its timeline.
   */
  private void personalData(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    PersonalDataPdf.PersonalData data = jdbi.inTransaction(h -> {
      var c = cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
      List<org.vigie.intake.cases.TimelineEntry> entries = cases.timeline(h, caller.associationId(), caseId);
      LocalDate erasedOn = entries.stream().filter(e -> "CASE_ERASED".equals(e.type())).map(e -> e.occurredOn()).findFirst()
          .orElse(c.identityErased() ? c.lastEventOn() : null);
      Map<UUID, String> texts = vault.notes(h, caseId);
      List<PersonalDataPdf.Note> notes = new java.util.ArrayList<>();
      for (var e : entries) {
        if (e.details() != null && e.details().hasNonNull("noteRef")) {
          Optional.ofNullable(texts.get(UUID.fromString(e.details().get("noteRef").asText())))
              .ifPresent(text -> notes.add(new PersonalDataPdf.Note(e.occurredOn(), text)));
        }
      }
      // the follow-up notes written on the case itself, on the day they were written
      vault.caseNotes(h, caseId).forEach(n -> notes.add(new PersonalDataPdf.Note(
          LocalDate.ofInstant(n.writtenAt(), TimelineBuilder.PARIS), n.text())));
      notes.sort(java.util.Comparator.comparing(PersonalDataPdf.Note::on));
      Optional<Person> person = vault.person(h, caseId);
      accesses.record(h, caller.associationId(), caseId, caller.recordedBy(), IdentityAccesses.Action.PERSONAL_DATA);
      return new PersonalDataPdf.PersonalData(caseId.toString(), CaseReference.of(caseId.toString()),
          directory.associationName(h, caller.associationId()).orElse(null), clock.instant(),
          person.map(Person::displayName).orElse(null), person.map(Person::foreignerNumber).orElse(null),
          person.map(Person::phone).orElse(null), notes, c.openedOn(), erasedOn, retention);
    });
    ctx.header("Content-Disposition", "inline; filename=\"donnees-personnelles-" + CaseReference.of(caseId.toString()) + ".pdf\"");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/pdf").result(PersonalDataPdf.toPdf(data));
  }

  private void stats(Context ctx, Caller caller) throws Exception {
    StatsRequest request = StatsRequest.of(ctx, List.of());
    FederationStats s = stats.get(FEDERATION);
    request.answer(ctx, s, () -> s);
  }

  /**
   * The federation's figures in the days from {@code pivot} (default: the end of the Conseil d'État's
   * six months, 5 November 2026) up to today, or {@code days} of them, and in as many days before it.
   */
  private void comparison(Context ctx, Caller caller) {
    ComparisonRequest request = ComparisonRequest.of(ctx, LocalDate.now(clock));
    request.answer(ctx, comparisons.get(new ComparisonKey(request.pivot(), request.days(), LocalDate.now(clock))));
  }
}
