package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.vigie.audit.retention.CaseActivity;
import org.vigie.audit.retention.RetentionJob;
import org.vigie.audit.retention.RetentionPolicy;
import org.vigie.intake.IntakeService;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.outbox.PublishedMarker;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.intake.journal.IdentityAccesses;
import org.vigie.intake.vault.ForeignerNumberIndex;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.intake.vault.MasterKey;
import org.vigie.intake.vault.MasterKeys;
import org.vigie.intake.vault.PersonNameIndex;
import org.vigie.platform.config.Config;
import org.vigie.platform.db.Databases;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.topics.Topics;

/**
 * The retention job over intake's database and the shared broker: a case inactive for the period
 * is erased (identity key shredded, read model flagged, CaseErased published once), a recent one is
 * not, and its timeline then shows no identity. Only this test's association is given to the job.
 */
class RetentionTest {
  private static final Api API = TestIntake.api();

  @Test
  void aCaseInactiveForTheRetentionPeriodIsErasedOnceAndItsTimelineShowsNoIdentity() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = API.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"person\":{\"displayName\":\"Personne Ancienne\"},\"employed\"")).text("caseId");
    String timeline = "/api/v1/cases/" + caseId + "/timeline";
    await().atMost(Duration.ofSeconds(60)).until(() -> API.get(timeline, a.token()).body().contains("Personne Ancienne"));

    try (HikariDataSource ds = Databases.pool(TestIntake.databaseUrl(), null, null, IntakeService.SCHEMA, 2);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SharedKafka.settings().producer("test-retention"),
            new StringSerializer(), new ByteArraySerializer())) {
      Jdbi jdbi = Databases.jdbi(ds);
      Outbox outbox = new Outbox();
      IdentityVault vault = new IdentityVault(MasterKeys.of(MasterKey.fromBase64(null)), new ForeignerNumberIndex(new byte[32]),
          new PersonNameIndex(new byte[32]));
      try (PublishedMarker marker = new PublishedMarker(jdbi, outbox)) {
        IntakeErasure erasure = new IntakeErasure(jdbi, new CaseRepository(new ObjectMapper()), vault, outbox,
            new OutboxPublisher(producer, outbox, jdbi, marker, 10_000));
        RetentionPolicy policy = RetentionPolicy.defaults();
        Instant now = Instant.now();

        assertThat(run(jdbi, policy, erasure, now.plus(Duration.ofDays(365)), a).erased()).isEmpty();
        boolean keyBefore = jdbi.withHandle(h -> vault.hasKey(h, java.util.UUID.fromString(caseId)));
        assertThat(keyBefore).as("the identity's key").isTrue();
        RetentionJob.Outcome outcome = run(jdbi, policy, erasure, now.plus(Duration.ofDays(2 * 366 + 1)), a);
        assertThat(outcome.erased()).containsExactly(caseId);
        assertThat(outcome.failed()).isEmpty();
        assertThat(run(jdbi, policy, erasure, now.plus(Duration.ofDays(2 * 366 + 2)), a).erased()).isEmpty();

        boolean keyLeft = jdbi.withHandle(h -> vault.hasKey(h, java.util.UUID.fromString(caseId)));
        assertThat(keyLeft).isFalse();

        // publishing is idempotent: a job interrupted after it runs it again, and nothing is recorded twice
        CaseEvent first = TopicReader.readAll(Topics.CASE_EVENTS,
            r -> r.key().equals(caseId) && r.value().getPayload() instanceof CaseErased).get(0).value();
        erasure.publish(first);
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM case_events WHERE event_id = ?")
            .bind(0, java.util.UUID.fromString(first.getEventId())).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);

        // An association closed while its cases' erasure failed: the daily run finishes it, however recent they are.
        TestIntake.Association left = TestIntake.newAssociation(API);
        String recent = API.post("/api/v1/cases", left.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
            "\"person\":{\"displayName\":\"Personne Récente\"},\"employed\"")).text("caseId");
        String kept = API.post("/api/v1/cases", TestIntake.newAssociation(API).token(), TestIntake.RENEWAL_CASE.replace(
            "\"employed\"", "\"person\":{\"displayName\":\"Personne Suivie\"},\"employed\"")).text("caseId");
        jdbi.useHandle(h -> h.execute("UPDATE associations SET closed_at = now() WHERE association_id = ?",
            java.util.UUID.fromString(left.id())));
        RetentionSchedule daily = new RetentionSchedule(jdbi, policy, erasure, new IdentityAccesses(java.time.Clock.systemUTC()),
            java.time.Clock.systemUTC());
        daily.runOnce();
        daily.close();
        boolean recentKey = jdbi.withHandle(h -> vault.hasKey(h, java.util.UUID.fromString(recent)));
        assertThat(recentKey).isFalse();
        boolean keptKey = jdbi.withHandle(h -> vault.hasKey(h, java.util.UUID.fromString(kept)));
        assertThat(keptKey).as("an open association's recent case stays").isTrue();
      }
    }
    Api.Response c = API.get("/api/v1/cases/" + caseId, a.token());
    assertThat(c.body()).doesNotContain("Personne Ancienne").contains("CASE_ERASED");

    List<ConsumerRecord<String, CaseEvent>> erased = TopicReader.readAll(Topics.CASE_EVENTS,
        r -> r.key().equals(caseId) && r.value().getPayload() instanceof CaseErased);
    assertThat(erased).hasSize(1);
    assertThat(erased.get(0).value().getEventId()).isEqualTo(RetentionJob.erasureEventId(caseId));
    assertThat(erased.get(0).value().getSource()).isEqualTo(EventSource.SYSTEM);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Api.Response t = API.get(timeline, a.token());
      assertThat(t.text("erasedOn")).isNotNull();
      assertThat(t.text("identityLabel")).isNull();
      assertThat(t.body()).doesNotContain("Personne Ancienne");
    });
  }

  @Test
  void theRetentionPeriodComesFromTheConfiguration() {
    assertThat(RetentionPolicy.fromConfig(Config.empty()).inactivity()).isEqualTo(Period.ofYears(2));
    assertThat(RetentionPolicy.fromConfig(Config.empty().with(RetentionPolicy.RETENTION_PERIOD, "P18M")).inactivity())
        .isEqualTo(Period.ofMonths(18));
  }

  private static RetentionJob.Outcome run(Jdbi jdbi, RetentionPolicy policy, IntakeErasure erasure, Instant at,
      TestIntake.Association a) {
    Clock clock = Clock.fixed(at, IntakeService.ZONE);
    List<CaseActivity> ours;
    try (RetentionSchedule schedule = new RetentionSchedule(jdbi, policy, erasure, new IdentityAccesses(clock), clock)) {
      ours = schedule.activities().stream().filter(c -> c.associationId().equals(a.id())).toList();
    }
    return new RetentionJob(policy, erasure, clock, IntakeService.ZONE).run(ours);
  }
}
