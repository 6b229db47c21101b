package org.vigie.notifier.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.notifier.directory.DirectoryStore;
import org.vigie.notifier.ledger.Ledger;
import org.vigie.notifier.metrics.NotifierMetrics;
import org.vigie.notifier.outbox.Outbox;
import org.vigie.notifier.outbox.Outcomes;
import org.vigie.notifier.route.Router;
import org.vigie.platform.db.Databases;
import org.vigie.platform.testing.SharedPostgres;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.serde.AvroSerde;

/**
 * A resolution arriving while the dispatcher sends one of the alert's reminders must not deadlock
 * with it: the dispatcher holds the reminder row during the send, then updates the alert; the alert
 * intake takes the reminder's lock before the alert's, so it waits instead of closing a cycle.
 */
class ResolutionLockOrderTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final AvroSerde<CaseAlert> serde = AvroSerde.of(CaseAlert.class);
  private HikariDataSource dataSource;
  private Jdbi jdbi;
  private AlertIntake intake;

  @BeforeEach
  void setUp() {
    dataSource = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "notifier", 4);
    Databases.migrate(dataSource, "notifier");
    jdbi = Databases.jdbi(dataSource);
    AlertStore alerts = new AlertStore();
    Ledger ledger = new Ledger();
    intake = new AlertIntake(jdbi, alerts, ledger, new Router(new DirectoryStore(), alerts, ledger, java.time.Duration.ZERO),
        new Outcomes(new Outbox()), new NotifierMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
        Clock.fixed(NOW, ZoneOffset.UTC), () -> { }, (h, ids) -> { });
  }

  @AfterEach
  void tearDown() {
    dataSource.close();
  }

  @Test
  void aResolutionWaitsForTheReminderBeingSentInsteadOfDeadlocking() throws Exception {
    String alertId = UUID.randomUUID().toString();
    intake.handle(List.of(record(alert(alertId, AlertStatus.RAISED))));
    jdbi.useHandle(h -> h.execute("INSERT INTO notification (notification_key, alert_id, kind, round, channel,"
        + " recipient_id, recipient_role, state, next_attempt_at, created_at)"
        + " VALUES (?, ?, 'REMINDER', 1, 'EMAIL', 'v-1', 'VOLUNTEER', 'PENDING', now(), now())", alertId + "/r1", alertId));

    try (Handle dispatcher = jdbi.open()) {
      dispatcher.begin();
      dispatcher.createQuery("SELECT id FROM notification WHERE alert_id = :a FOR UPDATE")
          .bind("a", alertId).mapTo(Long.class).list();

      CompletableFuture<Void> resolution = CompletableFuture.runAsync(
          () -> intake.handle(List.of(record(alert(alertId, AlertStatus.RESOLVED)))));
      await().atMost(Duration.ofSeconds(30)).until(() -> waitingLocks() > 0);

      // The dispatcher's next step: it records the first send on the alert. With the intake holding the
      // alert row while waiting for the reminder, this closes a cycle and PostgreSQL aborts one side.
      int updated = dispatcher.createUpdate("UPDATE alert SET first_sent_at = now() WHERE alert_id = :a")
          .bind("a", alertId).execute();
      dispatcher.execute("UPDATE notification SET state = 'SENT', sent_at = now() WHERE alert_id = ? AND kind = 'REMINDER'",
          alertId);
      dispatcher.commit();

      resolution.get(30, TimeUnit.SECONDS);
      assertThat(updated).isEqualTo(1);
    }
    String resolvedAt = jdbi.withHandle(h -> h.createQuery("SELECT resolved_at::text FROM alert WHERE alert_id = :a")
        .bind("a", alertId).mapTo(String.class).one());
    assertThat(resolvedAt).isNotNull();
  }

  private int waitingLocks() {
    return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")
        .mapTo(Integer.class).one());
  }

  private ConsumerRecord<String, byte[]> record(CaseAlert alert) {
    return new ConsumerRecord<>("vigie.case-alerts.v1", 0, 0L, alert.getCaseId(), serde.encode(alert));
  }

  private static CaseAlert alert(String alertId, AlertStatus status) {
    return CaseAlert.newBuilder()
        .setAlertId(alertId)
        .setCaseId("case-" + alertId)
        .setAssociationId("asso-" + alertId)
        .setRule(RuleId.BLOCKAGE_UNRESOLVED)
        .setSeverity(Severity.WARNING)
        .setStatus(status)
        .setEpisodeStart(LocalDate.of(2026, 11, 1))
        .setRaisedAt(NOW.minusSeconds(3600))
        .setEmittedAt(NOW)
        .setAssignedVolunteerId("v-1")
        .setReference("ref")
        .setTextVersionDate(LocalDate.of(2026, 5, 5))
        .setRuleVersion("1")
        .setMessage(new AlertMessage("fr", "en"))
        .build();
  }
}
