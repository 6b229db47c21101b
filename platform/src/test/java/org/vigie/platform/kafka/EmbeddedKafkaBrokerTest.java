package org.vigie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.schemas.topics.Topics;

import static org.awaitility.Awaitility.await;

class EmbeddedKafkaBrokerTest {

  @Test
  void keepsAcknowledgedRecordsAcrossARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers());
      new TopicProvisioner(kafka, (short) 1).ensure(Topics.all());
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(kafka.producer("test"), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("vigie.case-events.v1", "case-1", "hello")).get();
      }
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers());
      assertThat(broker.topicNames()).contains("vigie.case-events.v1", "vigie.directory.v1");
      Properties props = kafka.consumer("restart-check");
      List<String> seen = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("vigie.case-events.v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            seen.add(r.key() + "=" + r.value());
          }
          return !seen.isEmpty();
        });
      }
      assertThat(seen).containsExactly("case-1=hello");
    }
  }
}
