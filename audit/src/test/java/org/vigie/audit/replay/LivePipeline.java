package org.vigie.audit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;
import org.vigie.rules.topology.RulesTopology;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/**
 * The live rules-service topology in a TopologyTestDriver, fed a history as it would have been
 * lived: the wall clock moves to each event's recording time before the event arrives, and through
 * every day in between, a punctuation a minute after each midnight (Paris).
 */
final class LivePipeline {
  private static final ZoneId ZONE = RulesConfig.PARIS;

  private LivePipeline() {}

  /** The alerts the topology emits for {@code events} (in recording order) with its clock run to {@code until}. */
  static List<CaseAlert> run(List<CaseEvent> events, Instant until) {
    List<CaseEvent> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparing(CaseEvent::getRecordedAt));
    Instant start = LocalDate.ofInstant(ordered.get(0).getRecordedAt(), ZONE).atStartOfDay(ZONE).toInstant();
    Path stateDir = tempDir();
    RulesConfig config = RulesConfig.defaults().withTickInterval(Duration.ofMinutes(1));
    try (TopologyTestDriver driver = new TopologyTestDriver(RulesTopology.build(config),
        RulesStreamsConfig.properties("ttd:9092", stateDir.toString()), start)) {
      TestInputTopic<String, CaseEvent> input = driver.createInputTopic(Topics.CASE_EVENTS.name(),
          new StringSerializer(), Topics.CASE_EVENTS.valueSerde().serializer());
      TestOutputTopic<String, CaseAlert> output = driver.createOutputTopic(Topics.CASE_ALERTS.name(),
          new StringDeserializer(), Topics.CASE_ALERTS.valueSerde().deserializer());
      Instant clock = start;
      for (CaseEvent e : ordered) {
        if (e.getRecordedAt().isAfter(until)) {
          break;
        }
        clock = advance(driver, clock, e.getRecordedAt());
        input.pipeInput(e.getCaseId(), e, e.getRecordedAt());
      }
      advance(driver, clock, until);
      return output.readValuesToList();
    } finally {
      delete(stateDir);
    }
  }

  private static void delete(Path dir) {
    try {
      org.apache.kafka.common.utils.Utils.delete(dir.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant advance(TopologyTestDriver driver, Instant clock, Instant target) {
    while (true) {
      Instant tick = LocalDate.ofInstant(clock, ZONE).plusDays(1).atStartOfDay(ZONE).toInstant().plusSeconds(60);
      if (tick.isAfter(target)) {
        break;
      }
      driver.advanceWallClockTime(Duration.between(clock, tick));
      clock = tick;
    }
    if (target.isAfter(clock)) {
      driver.advanceWallClockTime(Duration.between(clock, target));
      clock = target;
    }
    return clock;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("audit-live-rules");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
