package org.vigie.audit.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.vigie.audit.kafka.PartitionScan;
import org.vigie.audit.replay.AlertDifference.Side;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/**
 * Replays vigie.case-events.v1 through the rules with a simulated clock and compares what it
 * derives with vigie.case-alerts.v1.
 *
 * <p>Both topics are keyed by case id, so a case's events and alerts live in the same partition
 * number. The replay reads one partition at a time, in partition then offset order: memory holds
 * the state of the cases of one partition (and, when comparing, the alert keys of that partition),
 * and the output order is the same on every run of the same log. Association settings are read
 * once from vigie.association-settings.v1 (the latest of each association). Not thread-safe; one
 * replay at a time per instance.
 */
public final class Replayer {
  private static final int PROGRESS_EVERY = 10_000;
  private final KafkaSettings kafka;
  private final RuleEngine engine;
  private final ZoneId zone;

  /** @param engine the rules to replay with: the current ones, or another set (e.g. an earlier version) */
  public Replayer(KafkaSettings kafka, RuleEngine engine, ZoneId zone) {
    this.kafka = kafka;
    this.engine = engine;
    this.zone = zone;
  }

  public ReplayReport replay(ReplayOptions options, ReplayListener listener) {
    long started = System.nanoTime();
    try (PartitionScan scan = new PartitionScan(kafka, "vigie-audit-replay")) {
      Map<String, RuleSettings> settings = readSettings(scan);
      RulesSimulator simulator = new RulesSimulator(engine,
          association -> settings.getOrDefault(association, engine.defaults()), zone);
      Counters counters = new Counters();
      List<TopicPartition> eventParts = scan.partitions(Topics.CASE_EVENTS.name());
      Map<TopicPartition, Long> starts = options.from() == null ? scan.beginning(eventParts)
          : scan.at(eventParts, fromMillis(options));
      Map<TopicPartition, Long> ends = scan.end(eventParts);
      long total = eventParts.stream().mapToLong(tp -> Math.max(0, ends.get(tp) - starts.get(tp))).sum();
      LiveAlerts live = options.compareWithLive() ? new LiveAlerts(scan, options, eventParts.size()) : null;

      List<AlertKey> unaligned = new ArrayList<>();
      for (int i = 0; i < eventParts.size(); i++) {
        TopicPartition tp = eventParts.get(i);
        List<AlertKey> derived = live != null && !live.aligned ? unaligned : new ArrayList<>();
        replayPartition(scan, tp, starts.get(tp), ends.get(tp), options, simulator, counters, total, i, eventParts.size(),
            alert -> {
              counters.alerts++;
              listener.alert(alert);
              if (live != null) {
                derived.add(AlertKey.of(alert, zone));
              }
            }, listener);
        if (live != null && live.aligned) {
          compare(derived, live.partition(tp.partition()), counters, listener);
        }
        listener.progress(new ReplayProgress(counters.read.get(), total, i + 1, eventParts.size()));
      }
      if (live != null && !live.aligned) {
        compare(unaligned, live.all(), counters, listener);
      }
      return new ReplayReport(counters.read.get(), counters.replayed, counters.unreadable, counters.cases,
          counters.alerts, live == null ? 0 : live.count(), counters.replayOnly, counters.liveOnly, simulator.evaluations(),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static long fromMillis(ReplayOptions options) {
    return options.from().toEpochMilli();
  }

  private static final class Counters {
    final AtomicLong read = new AtomicLong();
    long replayed;
    long unreadable;
    long cases;
    long alerts;
    long replayOnly;
    long liveOnly;
  }

  private void replayPartition(PartitionScan scan, TopicPartition tp, long start, long end, ReplayOptions options,
      RulesSimulator simulator, Counters counters, long total, int index, int partitions,
      java.util.function.Consumer<CaseAlert> emit, ReplayListener listener) {
    Deserializer<CaseEvent> events = Topics.CASE_EVENTS.valueSerde().deserializer();
    // Insertion order: the cases are drained in the order they first appear in the log.
    Map<String, RulesSimulator.CaseRun> runs = new LinkedHashMap<>();
    // An erased case raises nothing ever again (the fold ignores what follows the erasure): its
    // state is dropped and only its id kept, so old, erased cases cost almost no memory.
    Set<String> erased = new HashSet<>();
    scan.read(tp, start, end, record -> {
      long read = counters.read.incrementAndGet();
      if (read % PROGRESS_EVERY == 0) {
        listener.progress(new ReplayProgress(read, total, index, partitions));
      }
      CaseEvent event = decode(events, record, counters);
      if (event == null || (options.associationId() != null && !options.associationId().equals(event.getAssociationId()))
          || event.getRecordedAt().isAfter(options.until())) {
        return;
      }
      counters.replayed++;
      if (erased.contains(event.getCaseId())) {
        return;
      }
      RulesSimulator.CaseRun run = runs.computeIfAbsent(event.getCaseId(), id -> {
        counters.cases++;
        return new RulesSimulator.CaseRun();
      });
      simulator.apply(run, event).forEach(emit);
      if (run.state().getErased() && run.state().getOpenAlerts().isEmpty()) {
        runs.remove(event.getCaseId());
        erased.add(event.getCaseId());
      }
    });
    for (RulesSimulator.CaseRun run : runs.values()) {
      simulator.advance(run, options.until()).forEach(emit);
    }
  }

  private static CaseEvent decode(Deserializer<CaseEvent> events, ConsumerRecord<byte[], byte[]> record, Counters counters) {
    if (record.value() == null) {
      return null;
    }
    try {
      return events.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      counters.unreadable++;
      return null;
    }
  }

  /** Multiset difference, reported in key order. */
  private static void compare(List<AlertKey> derived, List<AlertKey> live, Counters counters, ReplayListener listener) {
    Map<AlertKey, Integer> balance = new TreeMap<>();
    derived.forEach(k -> balance.merge(k, 1, Integer::sum));
    live.forEach(k -> balance.merge(k, -1, Integer::sum));
    balance.forEach((key, n) -> {
      for (int i = 0; i < Math.abs(n); i++) {
        if (n > 0) {
          counters.replayOnly++;
          listener.difference(new AlertDifference(Side.REPLAY_ONLY, key));
        } else {
          counters.liveOnly++;
          listener.difference(new AlertDifference(Side.LIVE_ONLY, key));
        }
      }
    });
  }

  private Map<String, RuleSettings> readSettings(PartitionScan scan) {
    Deserializer<AssociationSettings> serde = Topics.ASSOCIATION_SETTINGS.valueSerde().deserializer();
    List<TopicPartition> parts = scan.partitions(Topics.ASSOCIATION_SETTINGS.name());
    Map<TopicPartition, Long> begin = scan.beginning(parts);
    Map<TopicPartition, Long> end = scan.end(parts);
    Map<String, AssociationSettings> latest = new HashMap<>();
    for (TopicPartition tp : parts) {
      scan.read(tp, begin.get(tp), end.get(tp), r -> {
        String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
        if (key == null) {
          return;
        }
        if (r.value() == null) {
          latest.remove(key);
          return;
        }
        try {
          latest.put(key, serde.deserialize(r.topic(), r.value()));
        } catch (SerializationException e) {
          // an unreadable settings record leaves the association on its previous settings
        }
      });
    }
    Map<String, RuleSettings> settings = new HashMap<>();
    latest.forEach((association, s) -> settings.put(association, engine.defaults().with(s)));
    return settings;
  }

  /**
   * The live alert records of the selection. With the same partition count as the events topic, a
   * case's alerts are in the partition number of its events and are read one partition at a time;
   * otherwise all are read at once and compared at the end.
   */
  private final class LiveAlerts {
    private final PartitionScan scan;
    private final ReplayOptions options;
    private final List<TopicPartition> parts;
    private final Map<TopicPartition, Long> begin;
    private final Map<TopicPartition, Long> end;
    final boolean aligned;
    private long count;

    LiveAlerts(PartitionScan scan, ReplayOptions options, int eventPartitions) {
      this.scan = scan;
      this.options = options;
      this.parts = scan.partitions(Topics.CASE_ALERTS.name());
      this.aligned = parts.size() == eventPartitions;
      this.begin = options.from() == null ? scan.beginning(parts) : scan.at(parts, fromMillis(options));
      this.end = scan.end(parts);
    }

    List<AlertKey> partition(int partition) {
      List<AlertKey> keys = new ArrayList<>();
      read(parts.get(partition), keys);
      return keys;
    }

    List<AlertKey> all() {
      List<AlertKey> keys = new ArrayList<>();
      parts.forEach(tp -> read(tp, keys));
      return keys;
    }

    private void read(TopicPartition tp, List<AlertKey> keys) {
      Deserializer<CaseAlert> serde = Topics.CASE_ALERTS.valueSerde().deserializer();
      scan.read(tp, begin.get(tp), end.get(tp), r -> {
        if (r.value() == null) {
          return;
        }
        CaseAlert alert;
        try {
          alert = serde.deserialize(r.topic(), r.value());
        } catch (SerializationException e) {
          return;
        }
        if ((options.associationId() == null || options.associationId().equals(alert.getAssociationId()))
            && !alert.getEmittedAt().isAfter(options.until())) {
          keys.add(AlertKey.of(alert, zone));
          count++;
        }
      });
    }

    long count() {
      return count;
    }
  }
}
