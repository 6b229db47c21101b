package org.vigie.intake;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.audit.retention.RetentionJob;
import org.vigie.intake.alerts.AlertProjection;
import org.vigie.intake.alerts.AlertRepository;
import org.vigie.intake.alerts.AlertRoutes;
import org.vigie.intake.alerts.NotifierOutcomes;
import org.vigie.intake.audit.AssociationClosure;
import org.vigie.intake.audit.AssociationClosureRoutes;
import org.vigie.intake.audit.AssociationStatsRoutes;
import org.vigie.intake.audit.IntakeErasure;
import org.vigie.intake.auth.Authenticator;
import org.vigie.intake.auth.RateLimiter;
import org.vigie.intake.auth.TokenRepository;
import org.vigie.intake.auth.Tokens;
import org.vigie.intake.cases.CaseCommands;
import org.vigie.intake.cases.CaseExportRoutes;
import org.vigie.intake.cases.CaseNoteRoutes;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.cases.CaseRequests;
import org.vigie.intake.cases.CaseRoutes;
import org.vigie.intake.cases.PossibleDuplicateRoutes;
import org.vigie.intake.command.CommandRunner;
import org.vigie.intake.command.GroupCommit;
import org.vigie.intake.command.WriteBehinds;
import org.vigie.intake.csv.CsvImportRoutes;
import org.vigie.intake.csv.CsvImporter;
import org.vigie.intake.directory.AssociationScope;
import org.vigie.intake.directory.ContactDeliveries;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.directory.DirectoryRoutes;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.ApiServer;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.ProblemResponder;
import org.vigie.intake.http.RouteGuard;
import org.vigie.intake.http.Writes;
import org.vigie.intake.idempotency.IdempotencyStore;
import org.vigie.intake.openapi.OpenApiDocument;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.outbox.OutboxRelay;
import org.vigie.intake.outbox.PublishedMarker;
import org.vigie.intake.settings.SettingsCatalogue;
import org.vigie.intake.settings.SettingsRepository;
import org.vigie.intake.settings.SettingsRoutes;
import org.vigie.intake.letters.LetterRoutes;
import org.vigie.intake.journal.IdentityAccessRoutes;
import org.vigie.intake.journal.IdentityAccesses;
import org.vigie.intake.vault.ForeignerNumberIndex;
import org.vigie.intake.vault.IdentityIndexBackfill;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.intake.vault.MasterKey;
import org.vigie.intake.vault.MasterKeyRotation;
import org.vigie.intake.vault.MasterKeys;
import org.vigie.intake.vault.PersonNameIndex;
import org.vigie.intake.vault.VaultSecrets;
import org.vigie.intake.web.WebPage;
import org.vigie.intake.calendar.CalendarFeeds;
import org.vigie.intake.calendar.CalendarRoutes;
import org.vigie.intake.followup.FollowUpRoutes;
import org.vigie.intake.followup.FollowUps;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.db.Databases;
import org.vigie.platform.kafka.BatchHandler;
import org.vigie.platform.kafka.ConsumerLoop;
import org.vigie.platform.kafka.IsolatingBatchHandler;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.ops.Readiness;
import org.vigie.platform.ops.Startup;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.schemas.topics.Topics;

/**
 * The intake service: HTTP API, CSV import and web page; identity vault; produces case events
 * and directory entries through a transactional outbox; keeps the alerts read model.
 */
public final class IntakeService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
  public static final String SCHEMA = "intake";
  public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  /** Group-commit writer threads, each with at most one open transaction, and writes per transaction. */
  static final int WRITERS = 2;
  static final int MAX_BATCH = 256;
  /** Under load, how long a writer waits for more writes to share its transaction. */
  static final long GATHER_MICROS = 1_000;

  private final List<AutoCloseable> parts;
  private final Javalin app;

  private IntakeService(Javalin app, List<AutoCloseable> parts) {
    this.app = app;
    this.parts = parts;
  }

  public static IntakeService start(Config config) {
    return start(config, Clock.system(ZONE));
  }

  /** With an explicit clock (tests); the clock's zone is the zone of domain dates. */
  public static IntakeService start(Config config, Clock clock) {
    IntakeSettings s = IntakeSettings.from(config);
    MasterKeys masterKeys = new MasterKeys(MasterKey.fromBase64(s.masterKeyBase64()),
        s.previousMasterKey() == null ? null : MasterKey.previous(s.previousMasterKey()));
    if (s.adminToken() == null) {
      LOG.warn("VIGIE_ADMIN_TOKEN is not set: the administrator endpoints refuse every call");
    }
    List<AutoCloseable> parts = new ArrayList<>();
    try {
      KafkaSettings kafka = new KafkaSettings(s.kafkaBootstrap());
      new TopicProvisioner(kafka, s.replicationFactor()).ensure(Topics.all());
      HikariDataSource ds = Databases.pool(withBatchedInserts(s.dbUrl()), s.dbUser(), s.dbPassword(), SCHEMA, 16);
      parts.add(ds);
      Databases.migrate(ds, SCHEMA);
      Jdbi jdbi = Databases.jdbi(ds);
      MasterKeyRotation rotation = new MasterKeyRotation(jdbi, masterKeys).check();

      java.util.Properties producerProps = kafka.producer("vigie-intake");
      // A request thread must not hang on a Kafka outage: fail fast, the outbox keeps the record.
      producerProps.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
      // Records reach the producer already batched (a group-commit transaction's, an import chunk's),
      // and every request waits for its ack: lingering 5 ms more before sending only adds latency.
      producerProps.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 1);
      KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
      parts.add(0, () -> producer.close(java.time.Duration.ofSeconds(3)));
      Admin admin = Admin.create(kafka.admin());
      parts.add(() -> admin.close(java.time.Duration.ofSeconds(2)));

      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(registry);
      parts.add(0, rotation.bindTo(registry).start());
      Json json = new Json();
      WriteBehinds writeBehinds = new WriteBehinds();
      Outbox outbox = new Outbox(writeBehinds);
      PublishedMarker marker = new PublishedMarker(jdbi, outbox);
      parts.add(0, marker);
      OutboxPublisher publisher = new OutboxPublisher(producer, outbox, jdbi, marker, 10_000);
      OutboxRelay relay = new OutboxRelay(jdbi, outbox, publisher, 20).start(2_000);
      parts.add(0, relay);
      CaseRepository cases = new CaseRepository(json.mapper(), writeBehinds);
      GroupCommit group = new GroupCommit(jdbi, writeBehinds, cases::lockAll, publisher, WRITERS, MAX_BATCH, GATHER_MICROS);
      parts.add(0, group);
      CommandRunner runner = new CommandRunner(group, new IdempotencyStore(jdbi, writeBehinds), publisher);
      Writes writes = new Writes(runner, json);
      TokenRepository tokens = new TokenRepository(jdbi);
      Authenticator authenticator = new Authenticator(s.adminToken(), tokens, clock);
      DirectoryRepository directory = new DirectoryRepository();
      VaultSecrets vaultSecrets = new VaultSecrets(jdbi, masterKeys);
      byte[] numberIndexKey = vaultSecrets.foreignerNumberIndexKey();
      IdentityVault vault = new IdentityVault(masterKeys, new ForeignerNumberIndex(numberIndexKey),
          PersonNameIndex.derivedFrom(numberIndexKey));
      parts.add(0, new IdentityIndexBackfill(jdbi, vault).start());
      CaseRequests requests = new CaseRequests();
      CaseCommands caseCommands = new CaseCommands(cases, directory, vault, outbox, requests, clock);
      AlertRepository alerts = new AlertRepository(jdbi);
      FollowUps followUps = new FollowUps();
      CsvImporter importer = new CsvImporter(jdbi, caseCommands, requests, directory, publisher, vault, followUps,
          vaultSecrets.importRowKey(), clock);

      List<ApiRoute> routes = new ArrayList<>();
      ContactDeliveries deliveries = new ContactDeliveries();
      routes.addAll(new DirectoryRoutes(jdbi, directory, deliveries, tokens, new Tokens(), authenticator, outbox, writes, json, clock)
          .routes());
      IdentityAccesses identityAccesses = new IdentityAccesses(clock);
      org.vigie.audit.retention.RetentionPolicy retention = org.vigie.audit.retention.RetentionPolicy.fromConfig(config);
      routes.addAll(new CaseRoutes(jdbi, cases, caseCommands, requests, vault, alerts, followUps, identityAccesses, writes, json, clock)
          .routes());
      routes.addAll(new CaseNoteRoutes(jdbi, cases, vault, writes, json, clock).routes());
      routes.addAll(new AlertRoutes(alerts, writes, outbox, json, clock).routes());
      routes.addAll(new CsvImportRoutes(importer, json, s.maxImportBytes()).routes());
      AssociationScope associationScope = new AssociationScope(jdbi, directory);
      routes.addAll(new org.vigie.intake.audit.AuditRoutes(jdbi, cases, directory, vault, identityAccesses,
          retention.inactivity(), kafka, clock).routes());
      routes.addAll(new AssociationStatsRoutes(jdbi, associationScope, alerts, kafka, clock).routes());
      routes.addAll(new CaseExportRoutes(jdbi, associationScope, cases, directory, vault, alerts, followUps, identityAccesses).routes());
      routes.addAll(new IdentityAccessRoutes(jdbi, identityAccesses, cases, directory, associationScope, json).routes());
      routes.addAll(new PossibleDuplicateRoutes(jdbi, associationScope, vault, json).routes());
      routes.addAll(new org.vigie.intake.audit.ErasureDueRoutes(jdbi, associationScope, retention, json, clock).routes());
      routes.addAll(new AssociationClosureRoutes(new AssociationClosure(jdbi, directory, outbox, publisher,
          new RetentionJob(retention, new IntakeErasure(jdbi, cases, vault, outbox, publisher), clock, clock.getZone()),
          authenticator, clock), json).routes());
      SettingsRepository settingsRepository = new SettingsRepository(json.mapper());
      routes.addAll(new SettingsRoutes(jdbi, associationScope, new SettingsCatalogue(RuleEngine.standard()),
          settingsRepository, outbox, writes, json, clock).routes());
      routes.addAll(new FollowUpRoutes(jdbi, cases, followUps, vault, writes, json, clock).routes());
      CalendarRoutes calendar = new CalendarRoutes(jdbi, new CalendarFeeds(new Tokens()), alerts, followUps, writes, json, clock);
      routes.addAll(calendar.routes());
      routes.addAll(new LetterRoutes(jdbi, cases, directory, alerts, settingsRepository, vault, identityAccesses,
          new org.vigie.audit.timeline.KafkaCaseHistory(kafka), json, clock).routes());

      Readiness readiness = new Readiness()
          .add("database", () -> Databases.reachable(ds))
          .add("kafka", () -> kafkaReachable(admin));
      RouteGuard guard = new RouteGuard(authenticator, new RateLimiter(s.rateLimitPerSecond(), s.rateLimitBurst(), System::nanoTime),
          s.maxBodyBytes(), s.maxImportBytes());
      ProblemResponder problems = new ProblemResponder(json, registry);
      String openApi = OpenApiDocument.text();
      Javalin app = ApiServer.create(routes, guard, problems, readiness, registry, s.maxImportBytes(), cfg -> {
        cfg.routes.get(OpenApiDocument.PATH, ctx -> ctx.contentType("application/json").result(openApi));
        WebPage.install(cfg);
        calendar.install(cfg);
      });
      try {
        app.start(s.host(), s.httpPort());
      } catch (RuntimeException e) {
        throw Startup.portFailure(ConfigNames.VIGIE_HTTP_PORT, s.httpPort(), e);
      }
      parts.add(0, app::stop);
      AlertProjection projector = new AlertProjection(jdbi, alerts);
      BatchHandler projection = IsolatingBatchHandler.of(projector, projector::refused);
      ConsumerLoop alertsFeed = new ConsumerLoop("intake-alerts-consumer", kafka.consumer("vigie-intake-alerts"),
          Topics.CASE_ALERTS.name(), projection).bindTo(registry).start();
      parts.add(0, alertsFeed);
      NotifierOutcomes notifierOutcomes = new NotifierOutcomes(jdbi, alerts, deliveries);
      ConsumerLoop acknowledgementsFeed = new ConsumerLoop("intake-notifications-consumer",
          kafka.consumer("vigie-intake-notifications"), Topics.NOTIFICATIONS.name(),
          IsolatingBatchHandler.of(notifierOutcomes, notifierOutcomes::refused)).bindTo(registry).start();
      parts.add(0, acknowledgementsFeed);
      parts.add(0, org.vigie.intake.audit.RetentionSchedule.daily(retention, jdbi, cases, vault, identityAccesses, outbox, publisher,
          clock));
      LOG.info("Intake listening on port {}", app.port());
      return new IntakeService(app, parts);
    } catch (RuntimeException e) {
      closeAll(parts);
      throw e;
    }
  }

  /** Multi-row INSERTs for JDBC batches (the CSV import writes one batch per table and chunk). */
  static String withBatchedInserts(String url) {
    if (!url.startsWith("jdbc:postgresql:") || url.contains("reWriteBatchedInserts")) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
  }

  private static boolean kafkaReachable(Admin admin) {
    try {
      return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  public int port() {
    return app.port();
  }

  /** The Javalin app, e.g. to enumerate its routes in tests. */
  public Javalin app() {
    return app;
  }

  @Override
  public void close() {
    closeAll(parts);
  }

  private static void closeAll(List<AutoCloseable> parts) {
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("Error while stopping intake: {}", e.getClass().getSimpleName());
      }
    }
    parts.clear();
  }
}
