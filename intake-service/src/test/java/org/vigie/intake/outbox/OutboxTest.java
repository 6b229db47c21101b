package org.vigie.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.platform.db.Databases;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/** A record committed but never acknowledged (Kafka down, crash) stays pending and the relay publishes it. */
class OutboxTest {
  @Test
  void unacknowledgedRecordsStayPendingAndTheRelayPublishesThem() {
    TestIntake.service();
    try (HikariDataSource ds = Databases.pool(TestIntake.databaseUrl(), null, null, "intake", 2);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SharedKafka.settings().producer("test-relay"),
            new StringSerializer(), new ByteArraySerializer());
        MockProducer<String, byte[]> silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer())) {
      Jdbi jdbi = Databases.jdbi(ds);
      Outbox outbox = new Outbox();
      String caseId = UUID.randomUUID().toString();
      CaseEvent event = CaseEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
          .setAssociationId(UUID.randomUUID().toString()).setOccurredOn(LocalDate.of(2026, 11, 1)).setRecordedAt(Instant.now())
          .setRecordedBy("system").setPayload(new CaseClosed()).build();
      OutboxRecord record = jdbi.inTransaction(h -> outbox.append(h, Topics.CASE_EVENTS, caseId, event));

      try (PublishedMarker marker = new PublishedMarker(jdbi, outbox)) {
        OutboxPublisher down = new OutboxPublisher(silent, outbox, jdbi, marker, 300);
        assertThatThrownBy(() -> down.publish(List.of(record))).isInstanceOf(OutboxPublisher.PublishException.class);
        assertThat(pending(jdbi, record.seq())).isTrue();
        assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).isEmpty();

        jdbi.useHandle(h -> h.execute("UPDATE outbox SET created_at = now() - interval '1 minute' WHERE seq = ?", record.seq()));
        OutboxRelay relay = new OutboxRelay(jdbi, outbox, new OutboxPublisher(producer, outbox, jdbi, marker, 15_000), 20);
        assertThat(relay.relayOnce()).isGreaterThanOrEqualTo(1);
        assertThat(pending(jdbi, record.seq())).isFalse();
        List<CaseEvent> published = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId)).stream().map(r -> r.value()).toList();
        assertThat(published).containsExactly(event);
        assertThat(relay.relayOnce()).isZero();
      }
    }
  }

  @Test
  void acknowledgedRecordsAreMarkedPublished() throws Exception {
    TestIntake.service();
    try (HikariDataSource ds = Databases.pool(TestIntake.databaseUrl(), null, null, "intake", 2);
        MockProducer<String, byte[]> acking = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        PublishedMarker marker = new PublishedMarker(Databases.jdbi(ds), new Outbox())) {
      Jdbi jdbi = Databases.jdbi(ds);
      Outbox outbox = new Outbox();
      OutboxRecord record = jdbi.inTransaction(h -> outbox.append(h, Topics.DIRECTORY, "k", null));
      new OutboxPublisher(acking, outbox, jdbi, marker, 1_000).publish(List.of(record));
      assertThat(acking.history()).hasSize(1);
      await().atMost(Duration.ofSeconds(60)).until(() -> !pending(jdbi, record.seq()));
    }
  }

  @Test
  void theRecordsOfAGroupCommitShareOneRowThatTheRelayPublishesWhole() throws Exception {
    TestIntake.service();
    try (HikariDataSource ds = Databases.pool(TestIntake.databaseUrl(), null, null, "intake", 4);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SharedKafka.settings().producer("test-relay-batch"),
            new StringSerializer(), new ByteArraySerializer());
        MockProducer<String, byte[]> silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer())) {
      Jdbi jdbi = Databases.jdbi(ds);
      org.vigie.intake.command.WriteBehinds writeBehinds = new org.vigie.intake.command.WriteBehinds();
      Outbox outbox = new Outbox(writeBehinds);
      String caseId = UUID.randomUUID().toString();
      String volunteerKey = UUID.randomUUID().toString();
      List<CaseEvent> events = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        events.add(CaseEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
            .setAssociationId(UUID.randomUUID().toString()).setOccurredOn(LocalDate.of(2026, 11, 1 + i)).setRecordedAt(Instant.now())
            .setRecordedBy("system").setPayload(new CaseClosed()).build());
      }
      try (PublishedMarker marker = new PublishedMarker(jdbi, outbox)) {
        // Kafka never acknowledges: the batch's row stays pending for the relay.
        OutboxPublisher down = new OutboxPublisher(silent, outbox, jdbi, marker, 300);
        try (org.vigie.intake.command.GroupCommit group = new org.vigie.intake.command.GroupCommit(jdbi, writeBehinds,
            (h, w, keys) -> { }, down, 1, 256)) {
          org.vigie.intake.command.GroupCommit.Ticket ticket = group.submit(caseId, h -> {
            List<OutboxRecord> records = new java.util.ArrayList<>();
            events.forEach(e -> records.add(outbox.append(h, Topics.CASE_EVENTS, caseId, e)));
            records.add(outbox.append(h, Topics.DIRECTORY, volunteerKey, null));
            return new org.vigie.intake.command.CommandResult(202, "{}", records);
          });
          List<OutboxRecord> records = ticket.committed().get(60, java.util.concurrent.TimeUnit.SECONDS).records();
          assertThat(records).extracting(OutboxRecord::seq).containsOnly(records.get(0).seq());
          assertThatThrownBy(() -> ticket.published().get(60, java.util.concurrent.TimeUnit.SECONDS))
              .hasCauseInstanceOf(OutboxPublisher.PublishException.class);
          long seq = records.get(0).seq();
          int rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE seq = ?").bind(0, seq).mapTo(Integer.class).one());
          assertThat(rows).isEqualTo(1);
          List<OutboxRecord> pendingRecords = jdbi.withHandle(h -> outbox.pending(h, List.of(seq)));
          assertThat(pendingRecords).hasSize(4);

          jdbi.useHandle(h -> h.execute("UPDATE outbox SET created_at = now() - interval '1 minute' WHERE seq = ?", seq));
          OutboxRelay relay = new OutboxRelay(jdbi, outbox, new OutboxPublisher(producer, outbox, jdbi, marker, 15_000), 20);
          assertThat(relay.relayOnce()).isGreaterThanOrEqualTo(4);
          assertThat(pending(jdbi, seq)).isFalse();
          assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId)).stream().map(r -> r.value()).toList())
              .containsExactlyElementsOf(events);
          assertThat(TopicReader.readAll(Topics.DIRECTORY, r -> r.key().equals(volunteerKey)))
              .singleElement().satisfies(r -> assertThat(r.value()).isNull());
        }
      }
    }
  }

  private static boolean pending(Jdbi jdbi, long seq) {
    return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM outbox WHERE seq = ? AND published_at IS NULL)").bind(0, seq)
        .mapTo(Boolean.class).one());
  }
}
