package org.vigie.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.rules.RandomCases;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;
import org.vigie.rules.topology.RulesTopology;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * Exactly-once under crashes: the rules service runs in a separate JVM, killed with SIGKILL three
 * times mid-stream and restarted; the alerts read with read_committed must equal, case by case and
 * in order, those of an uninterrupted run (TopologyTestDriver, same clock): none missing, none
 * duplicated. 5k events by default; {@code -Dvigie.crash.events=100000} for the full size.
 *
 * <p>Every input send is checked: earlier failures of this test were input events lost by the
 * test's own producer (the first batches sent to a partition whose leader was not ready yet expired
 * with sequence errors), not alerts lost by the service. Topic provisioning now waits until every
 * partition's leader answers.
 */
class CrashTest {
  private static final Instant CLOCK = Instant.parse("2026-09-15T07:00:00Z");
  private static final int KILLS = 3;

  @Test
  void alertsAfterThreeKillsEqualThoseOfAnUninterruptedRun(
      // state stores (about 200 MB) and the child's log: deleted when the test passes, kept to look at when it fails
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work) throws Exception {
    int target = Integer.getInteger("vigie.crash.events", 5_000);
    String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    List<CaseEvent> events = events(prefix, target);
    Map<String, List<String>> expected = reference(events, Files.createDirectory(work.resolve("reference")));
    int expectedCount = expected.values().stream().mapToInt(List::size).sum();
    assertThat(expectedCount).isGreaterThan(events.size() / 10);

    String bootstrap = SharedKafka.bootstrapServers();
    AvroSerde<CaseEvent> serde = AvroSerde.of(CaseEvent.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        new KafkaSettings(bootstrap).producer("crash-test"), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sends = new java.util.ArrayList<>();
      for (CaseEvent e : events) {
        sends.add(producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), e.getCaseId(), serde.encode(e))));
      }
      producer.flush();
      // Every input event must be acknowledged: a lost input would look like a lost alert.
      for (java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send : sends) {
        send.get();
      }
    }

    String appId = "vigie-rules-crash-" + UUID.randomUUID();
    Path stateDir = Files.createDirectory(work.resolve("state"));
    Path log = work.resolve("child.log");
    AvroSerde<org.vigie.schemas.CaseAlert> alertSerde = AvroSerde.of(org.vigie.schemas.CaseAlert.class);
    try (TopicReader<String, byte[]> alerts = new TopicReader<>(bootstrap, Topics.CASE_ALERTS.name(),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      for (int kill = 1; kill <= KILLS; kill++) {
        Process child = startChild(bootstrap, appId, stateDir, log);
        int threshold = expectedCount * kill / (KILLS + 1);
        try {
          await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50))
              .untilAsserted(() -> assertThat(count(alerts.poll(), prefix)).as("alerts read, child log %s", log)
                  .isGreaterThanOrEqualTo(threshold));
          System.out.printf("crash test: killing the rules service after %d of %d alerts%n",
              count(alerts.poll(), prefix), expectedCount);
        } finally {
          child.destroyForcibly();
          child.waitFor(30, TimeUnit.SECONDS);
        }
      }
      Process last = startChild(bootstrap, appId, stateDir, log);
      try {
        try {
          await().atMost(Duration.ofSeconds(Math.max(180, target / 50))).pollInterval(Duration.ofMillis(200))
              .until(() -> count(alerts.poll(), prefix) >= expectedCount);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError(String.format("%d of %d alerts read committed, %d read uncommitted; child log %s",
              count(alerts.poll(), prefix), expectedCount, uncommitted(bootstrap, prefix), log), e);
        }
        alerts.poll();
        Map<String, List<String>> actual = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : alerts.poll()) {
          if (r.key().startsWith(prefix)) {
            actual.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(alertSerde.decode(r.value()).toString());
          }
        }
        assertThat(actual).as("child log: %s", log).isEqualTo(expected);
      } finally {
        last.destroy();
        last.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Alerts of this run in the topic, aborted transactions included: tells a blocked LSO from a loss. */
  private static long uncommitted(String bootstrap, String prefix) {
    Properties p = new KafkaSettings(bootstrap).consumer("crash-uncommitted-" + UUID.randomUUID());
    p.put("isolation.level", "read_uncommitted");
    try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.CASE_ALERTS.name()));
      long seen = 0;
      for (int empty = 0; empty < 10; ) {
        var batch = consumer.poll(Duration.ofMillis(500));
        empty = batch.isEmpty() ? empty + 1 : 0;
        for (var r : batch) {
          if (r.key().startsWith(prefix)) {
            seen++;
          }
        }
      }
      return seen;
    }
  }

  private static long count(List<ConsumerRecord<String, byte[]>> records, String prefix) {
    return records.stream().filter(r -> r.key().startsWith(prefix)).count();
  }

  static List<CaseEvent> events(String prefix, int target) {
    List<CaseEvent> events = new ArrayList<>();
    RandomCases cases = new RandomCases(42);
    for (int c = 0; events.size() < target; c++) {
      events.addAll(cases.history(prefix + c, true));
    }
    return events;
  }

  /** The uninterrupted run: the same topology and clock in a TopologyTestDriver. */
  static Map<String, List<String>> reference(List<CaseEvent> events, Path stateDir) throws Exception {
    Properties props = RulesStreamsConfig.properties("reference", "ttd:9092", stateDir.toString());
    RulesConfig config = RulesConfig.defaults().withInMemoryStores()
        .withClock(Clock.fixed(CLOCK, ZoneOffset.UTC));
    Map<String, List<String>> alerts = new TreeMap<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(RulesTopology.build(config), props, CLOCK)) {
      var input = driver.createInputTopic(Topics.CASE_EVENTS.name(), new StringSerializer(),
          AvroSerde.of(CaseEvent.class).serializer());
      TestOutputTopic<String, org.vigie.schemas.CaseAlert> output = driver.createOutputTopic(
          Topics.CASE_ALERTS.name(), new StringDeserializer(), AvroSerde.of(org.vigie.schemas.CaseAlert.class));
      for (CaseEvent e : events) {
        input.pipeInput(e.getCaseId(), e);
      }
      output.readKeyValuesToList().forEach(kv ->
          alerts.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value.toString()));
    }
    return alerts;
  }

  private static Process startChild(String bootstrap, String appId, Path stateDir, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the child's temporary directory is the test's: a JVM killed with SIGKILL leaves behind the native
    // libraries RocksDB and lz4 extract there, tens of MB at each kill
    Path tmp = Files.createDirectories(stateDir.resolveSibling("child-tmp"));
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), bootstrap, appId, stateDir.toString(), CLOCK.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString())));
    return pb.start();
  }
}
