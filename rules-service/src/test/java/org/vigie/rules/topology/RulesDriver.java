package org.vigie.rules.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/** The rules topology in a TopologyTestDriver, with its topics and a wall clock measured in Paris days. */
final class RulesDriver implements AutoCloseable {
  static final Instant START = LocalDate.of(2026, 6, 1).atTime(8, 0).atZone(RulesConfig.PARIS).toInstant();

  final TopologyTestDriver driver;
  final TestInputTopic<String, CaseEvent> events;
  final TestInputTopic<String, byte[]> rawEvents;
  final TestInputTopic<String, AssociationSettings> settings;
  final TestOutputTopic<String, CaseAlert> alerts;
  final TestOutputTopic<byte[], byte[]> dlq;
  private final Path stateDir;
  private final List<CaseAlert> seen = new ArrayList<>();

  RulesDriver() {
    this(config());
  }

  /** The drivers' configuration: hourly ticks, in-memory stores; tests change what they exercise. */
  static RulesConfig config() {
    return RulesConfig.defaults().withTickInterval(Duration.ofHours(1)).withInMemoryStores();
  }

  RulesDriver(RulesConfig config) {
    this(config, new Properties());
  }

  RulesDriver(RulesConfig config, Properties overrides) {
    try {
      stateDir = Files.createTempDirectory("rules-ttd");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Properties props = RulesStreamsConfig.properties("ttd:9092", stateDir.toString());
    props.putAll(overrides);
    driver = new TopologyTestDriver(RulesTopology.build(config), props, START);
    events = driver.createInputTopic(Topics.CASE_EVENTS.name(), new StringSerializer(),
        AvroSerde.of(CaseEvent.class).serializer());
    rawEvents = driver.createInputTopic(Topics.CASE_EVENTS.name(), new StringSerializer(), new ByteArraySerializer());
    settings = driver.createInputTopic(Topics.ASSOCIATION_SETTINGS.name(), new StringSerializer(),
        AvroSerde.of(AssociationSettings.class).serializer());
    alerts = driver.createOutputTopic(Topics.CASE_ALERTS.name(), new StringDeserializer(),
        AvroSerde.of(CaseAlert.class).deserializer());
    dlq = driver.createOutputTopic(Topics.RULES_DLQ.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static LocalDate today0() {
    return LocalDate.ofInstant(START, RulesConfig.PARIS);
  }

  void record(CaseEvent... caseEvents) {
    for (CaseEvent e : caseEvents) {
      events.pipeInput(e.getCaseId(), e);
    }
  }

  /** Moves the wall clock by whole days, one punctuation per day. */
  void advanceDays(int days) {
    for (int d = 0; d < days; d++) {
      driver.advanceWallClockTime(Duration.ofDays(1));
      now = now().plus(Duration.ofDays(1));
    }
  }

  /** Moves the wall clock to 08:00 Paris on a day. */
  void advanceTo(LocalDate day) {
    int days = (int) java.time.temporal.ChronoUnit.DAYS.between(today(), day);
    if (days > 0) {
      advanceDays(days);
    }
  }

  LocalDate today() {
    return LocalDate.ofInstant(now(), RulesConfig.PARIS);
  }

  private Instant now;

  Instant now() {
    return now == null ? START : now;
  }

  /** Alerts emitted since the last call. */
  List<CaseAlert> newAlerts() {
    List<CaseAlert> fresh = new ArrayList<>();
    for (TestRecord<String, CaseAlert> r : alerts.readRecordsToList()) {
      fresh.add(r.value());
    }
    seen.addAll(fresh);
    return fresh;
  }

  /** Every alert emitted so far. */
  List<CaseAlert> allAlerts() {
    newAlerts();
    return seen;
  }

  /** Open alerts by "caseId|rule" → alertId, replayed from every alert emitted so far. */
  Map<String, String> openAlerts() {
    Map<String, String> open = new TreeMap<>();
    for (CaseAlert a : allAlerts()) {
      String key = a.getCaseId() + "|" + a.getRule();
      if (a.getStatus() == AlertStatus.RAISED) {
        open.put(key, a.getAlertId());
      } else {
        open.remove(key);
      }
    }
    return open;
  }

  /**
   * Open alerts by "caseId|rule" → their episode start: the same conditions open whatever the path, where the ids
   * differ when one path closed an alert and raised it again (a new alert, with its own id).
   */
  Map<String, String> openEpisodes() {
    Map<String, String> open = new TreeMap<>();
    for (CaseAlert a : allAlerts()) {
      String key = a.getCaseId() + "|" + a.getRule();
      if (a.getStatus() == AlertStatus.RAISED) {
        open.put(key, a.getEpisodeStart().toString());
      } else {
        open.remove(key);
      }
    }
    return open;
  }

  @Override
  public void close() {
    driver.close();
    try (var files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
