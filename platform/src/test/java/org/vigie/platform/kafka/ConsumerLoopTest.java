package org.vigie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.vigie.platform.testing.SharedKafka;

class ConsumerLoopTest {

  @Test
  void aConsumerKilledByAnErrorIsReplacedAndTheFailedBatchHandledAgain() throws Exception {
    String topic = topicWith("a", "b", "c");
    List<String> handled = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    BatchHandler handler = records -> {
      if (calls.incrementAndGet() == 1) {
        throw new StackOverflowError("first batch");
      }
      records.forEach(r -> handled.add(new String(r.value())));
    };
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ConsumerLoop loop = new ConsumerLoop("test-loop", consumer(), topic, handler, Duration.ofMillis(500))
        .bindTo(registry)) {
      loop.start();
      await().atMost(30, TimeUnit.SECONDS).until(() -> calls.get() >= 1);
      await().atMost(30, TimeUnit.SECONDS).until(() -> handled.size() >= 3);
      assertThat(handled).containsExactly("a", "b", "c");
      assertThat(loop.restarts()).isEqualTo(1);
      await().atMost(30, TimeUnit.SECONDS).until(loop::alive);
      assertThat(registry.get("vigie.consumer.restarts").tag("consumer", "test-loop").functionCounter().count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void aFailingConsumerReportsItselfNotAliveAndStillClosesAtOnce() throws Exception {
    String topic = topicWith("a");
    AtomicInteger calls = new AtomicInteger();
    BatchHandler handler = records -> {
      calls.incrementAndGet();
      throw new StackOverflowError("every batch");
    };
    ConsumerLoop loop = new ConsumerLoop("test-loop", consumer(), topic, handler, Duration.ofMinutes(10)).start();
    await().atMost(30, TimeUnit.SECONDS).until(() -> calls.get() == 1 && !loop.alive());
    assertTimeoutPreemptively(Duration.ofSeconds(10), loop::close);
    assertThat(loop.restarts()).isZero();
  }

  @Test
  void aLoopClosedBeforeItStartedClosesAtOnce() {
    ConsumerLoop loop = new ConsumerLoop("test-loop", consumer(), "unused", records -> { }, Duration.ofMillis(100));
    assertTimeoutPreemptively(Duration.ofSeconds(5), loop::close);
    assertThat(loop.alive()).isFalse();
  }

  @Test
  void anExceptionFromTheHandlerRetriesTheBatchWithTheSameConsumer() throws Exception {
    String topic = topicWith("a", "b");
    List<String> handled = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    BatchHandler handler = records -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("database down");
      }
      records.forEach(r -> handled.add(new String(r.value())));
    };
    try (ConsumerLoop loop = new ConsumerLoop("test-loop", consumer(), topic, handler, Duration.ofMillis(100))
        .start()) {
      await().atMost(30, TimeUnit.SECONDS).until(() -> handled.size() >= 2);
      assertThat(handled).containsExactly("a", "b");
      assertThat(loop.restarts()).isZero();
      assertThat(loop.alive()).isTrue();
    }
  }

  private static java.util.Properties consumer() {
    return SharedKafka.settings().consumer("consumer-loop-test-" + UUID.randomUUID());
  }

  /** A new one-partition topic holding the values, in order. */
  private static String topicWith(String... values) throws Exception {
    String topic = "consumer-loop-test-" + UUID.randomUUID();
    try (Admin admin = Admin.create(SharedKafka.settings().admin())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SharedKafka.settings().producer("consumer-loop-test"),
        new StringSerializer(), new ByteArraySerializer())) {
      for (String v : values) {
        producer.send(new ProducerRecord<>(topic, v, v.getBytes())).get(30, TimeUnit.SECONDS);
      }
    }
    return topic;
  }
}
