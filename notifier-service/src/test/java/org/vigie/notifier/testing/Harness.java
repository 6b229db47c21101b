package org.vigie.notifier.testing;

import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.platform.testing.SharedPostgres;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.topics.Topics;

/** Writes to the shared broker as intake and rules-service would, and builds notifier configurations. */
public final class Harness implements AutoCloseable {
  private final KafkaProducer<String, DirectoryEntry> directory;
  private final KafkaProducer<String, CaseAlert> alerts;
  private final KafkaProducer<String, byte[]> raw;

  public Harness() {
    var props = SharedKafka.settings().producer("notifier-test");
    directory = new KafkaProducer<>(props, new StringSerializer(), Topics.DIRECTORY.valueSerde().serializer());
    alerts = new KafkaProducer<>(props, new StringSerializer(), Topics.CASE_ALERTS.valueSerde().serializer());
    raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** A configuration on the shared broker, a fresh database, an SMTP port; a unique consumer group. */
  public static Config config(int smtpPort) {
    return config(smtpPort, SharedPostgres.newDatabaseUrl(), Fixtures.id("notifier-test"));
  }

  public static Config config(int smtpPort, String dbUrl, String groupId) {
    return Config.of(Map.of(
        ConfigNames.KAFKA_BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
        ConfigNames.VIGIE_DB_URL, dbUrl,
        ConfigNames.SMTP_HOST, "127.0.0.1",
        ConfigNames.SMTP_PORT, String.valueOf(smtpPort),
        ConfigNames.SMTP_FROM, "vigie@vigie.test",
        ConfigNames.VIGIE_PUBLIC_URL, "http://127.0.0.1:8081",
        "VIGIE_NOTIFIER_HTTP_PORT", "0",
        "VIGIE_NOTIFIER_GROUP_ID", groupId,
        "VIGIE_NOTIFIER_RETRY_BASE", "PT0.2S",
        "VIGIE_NOTIFIER_RETRY_MAX", "PT2S"))
        // sent at once: the settle delay has its own test
        .with("VIGIE_NOTIFIER_SETTLE", "PT0S");
  }

  /**
   * A consumer group (alerts and directory) whose committed positions are the given offsets, so
   * that a service started with it reads only what was written after them: tests sharing the
   * broker do not replay each other's records.
   */
  public static String groupAt(Map<TopicPartition, Long> offsets) {
    String group = Fixtures.id("notifier-test");
    Map<TopicPartition, OffsetAndMetadata> alerts = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> dir = new HashMap<>();
    offsets.forEach((tp, offset) -> (tp.topic().equals(Topics.DIRECTORY.name()) ? dir : alerts)
        .put(tp, new OffsetAndMetadata(offset)));
    try (Admin admin = Admin.create(SharedKafka.settings().admin())) {
      admin.alterConsumerGroupOffsets(group, alerts).all().get(30, TimeUnit.SECONDS);
      admin.alterConsumerGroupOffsets(group + ".directory", dir).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return group;
  }

  /** Current end offsets of the alerts and directory topics. */
  public static Map<TopicPartition, Long> endOffsets() {
    try (Admin admin = Admin.create(SharedKafka.settings().admin())) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (String topic : List.of(Topics.CASE_ALERTS.name(), Topics.DIRECTORY.name())) {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
            .get(topic).partitions().size();
        for (int p = 0; p < partitions; p++) {
          request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      Map<TopicPartition, Long> out = new HashMap<>();
      admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A configuration that reads only records written from now on, with a fresh database. */
  public static Config fromNow(int smtpPort) {
    return config(smtpPort, SharedPostgres.newDatabaseUrl(), groupAt(endOffsets()));
  }

  /**
   * This configuration with the notifier's HTTP server on a free port and the links of its mails pointing at it, for
   * tests that follow an acknowledgement link.
   */
  public static Config servingLinks(Config config) {
    int port = org.vigie.platform.kafka.FreePorts.pick();
    return config.with("VIGIE_NOTIFIER_HTTP_PORT", String.valueOf(port)).with("VIGIE_PUBLIC_URL", "http://127.0.0.1:" + port);
  }

  public void publish(DirectoryEntry entry) {
    String key = entry.getVolunteerId() != null ? entry.getVolunteerId() : entry.getAssociationId();
    get(directory.send(new ProducerRecord<>(Topics.DIRECTORY.name(), key, entry)));
  }

  public void publishDirectory(List<DirectoryEntry> entries) {
    var futures = entries.stream()
        .map(e -> directory.send(new ProducerRecord<>(Topics.DIRECTORY.name(),
            e.getVolunteerId() != null ? e.getVolunteerId() : e.getAssociationId(), e)))
        .toList();
    directory.flush();
    futures.forEach(Harness::get);
  }

  public void tombstone(String key) {
    get(directory.send(new ProducerRecord<>(Topics.DIRECTORY.name(), key, null)));
  }

  public void publish(CaseAlert alert) {
    get(alerts.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), alert.getCaseId(), alert)));
  }

  public void publishAll(List<CaseAlert> batch) {
    var futures = batch.stream()
        .map(a -> alerts.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), a.getCaseId(), a)))
        .toList();
    alerts.flush();
    futures.forEach(Harness::get);
  }

  /** An alert taken in hand in intake, as intake publishes it. */
  public void publish(org.vigie.schemas.AlertAcknowledgement ack) {
    byte[] value = Topics.ALERT_ACKNOWLEDGEMENTS.valueSerde().serializer().serialize(Topics.ALERT_ACKNOWLEDGEMENTS.name(), ack);
    get(raw.send(new ProducerRecord<>(Topics.ALERT_ACKNOWLEDGEMENTS.name(), ack.getAlertId(), value)));
  }

  public void publishRaw(String key, byte[] value) {
    get(raw.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), key, value)));
  }

  private static <T> T get(java.util.concurrent.Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    directory.close();
    alerts.close();
    raw.close();
  }
}
