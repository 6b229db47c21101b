package org.vigie.audit.replay;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.vigie.schemas.topics.Topics;

/**
 * Replays vigie.case-events.v1 through the rules with a simulated clock and compares what it
 * derives with vigie.case-alerts.v1.
 *
 * <p>Both topics are keyed by case id, so a case's events and alerts live in the same partition
 * number. The replay reads each partition in offset order and reports partitions in partition
 * order: memory holds the state of the cases of the partitions in progress (one, or {@code
 * threads}), and the output is the same on every run of the same log, whatever the threads. Association settings are read
 * once from vigie.association-settings.v1 (the latest of each association). Not thread-safe; one
 * replay at a time per instance.
 */
public final class Replayer {
  private static final int PROGRESS_EVERY = 10_000;
  private final KafkaSettings kafka;
  private final RuleEngine engine;
  private final ZoneId zone;
  private final int threads;

  /** Replays one partition at a time on the calling thread. */
  public Replayer(KafkaSettings kafka, RuleEngine engine, ZoneId zone) {
    this(kafka, engine, zone, 1);
  }

  /**
   * @param engine the rules to replay with: the current ones, or another set (e.g. an earlier version)
   * @param threads partitions replayed at once; above 1, each partition's output is buffered until
   *     the earlier partitions have been reported (at most {@code threads} partitions in memory), so
   *     the output is the same whatever the number of threads
   */
  public Replayer(KafkaSettings kafka, RuleEngine engine, ZoneId zone, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.kafka = kafka;
    this.engine = engine;
    this.zone = zone;
    this.threads = threads;
  }

  public ReplayReport replay(ReplayOptions options, ReplayListener listener) {
    long started = System.nanoTime();
    try (PartitionScan scan = new PartitionScan(kafka, "vigie-audit-replay")) {
      Map<String, RuleSettings> settings = readSettings(scan);
      Run run = new Run(options, listener, settings);
      List<TopicPartition> parts = scan.partitions(Topics.CASE_EVENTS.name());
      run.starts = options.from() == null ? scan.beginning(parts) : scan.at(parts, fromMillis(options));
      run.ends = scan.end(parts);
      run.total = parts.stream().mapToLong(tp -> Math.max(0, run.ends.get(tp) - run.starts.get(tp))).sum();
      run.partitions = parts.size();
      run.live = options.compareWithLive() ? new LiveAlerts(scan, options, parts.size()) : null;
      if (threads == 1) {
        for (TopicPartition tp : parts) {
          run.deliver(run.replay(scan, tp, run.listener::alert));
        }
      } else {
        replayInParallel(run, parts);
      }
      if (run.live != null && !run.live.aligned) {
        compare(run.unaligned, run.live.all(scan), run, listener);
      }
      return new ReplayReport(run.read.get(), run.replayed, run.unreadable, run.cases, run.alerts,
          run.live == null ? 0 : run.live.count(), run.replayOnly, run.liveOnly, run.evaluations,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** At most {@code threads} partitions in flight; results reported in partition order by this thread. */
  private void replayInParallel(Run run, List<TopicPartition> parts) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "vigie-audit-replay");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<PartitionResult>> window = new ArrayDeque<>();
      int next = 0;
      while (next < parts.size() || !window.isEmpty()) {
        while (next < parts.size() && window.size() < threads) {
          TopicPartition tp = parts.get(next++);
          window.add(pool.submit(() -> {
            try (PartitionScan own = new PartitionScan(kafka, "vigie-audit-replay")) {
              List<CaseAlert> buffer = new ArrayList<>();
              PartitionResult result = run.replay(own, tp, buffer::add);
              result.buffered = buffer;
              return result;
            }
          }));
        }
        PartitionResult result = awaitWithProgress(window.peek(), run);
        window.poll();
        result.buffered.forEach(run.listener::alert);
        run.deliver(result);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static PartitionResult awaitWithProgress(Future<PartitionResult> future, Run run) {
    while (true) {
      try {
        return future.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.listener.progress(new ReplayProgress(run.read.get(), run.total, run.done, run.partitions));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("replay interrupted", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
  }

  private static long fromMillis(ReplayOptions options) {
    return options.from().toEpochMilli();
  }

  /** One partition's figures, its derived alert keys and the live ones (when comparing), its buffered output. */
  private static final class PartitionResult {
    long replayed;
    long unreadable;
    long cases;
    long alerts;
    long evaluations;
    List<AlertKey> derived = new ArrayList<>();
    List<AlertKey> live = List.of();
    List<CaseAlert> buffered = List.of();
  }

  /** The state of one replay: options, totals, and what has been reported so far. */
  private final class Run {
    final ReplayOptions options;
    final ReplayListener listener;
    final Map<String, RuleSettings> settings;
    final AtomicLong read = new AtomicLong();
    final List<AlertKey> unaligned = new ArrayList<>();
    Map<TopicPartition, Long> starts;
    Map<TopicPartition, Long> ends;
    long total;
    int partitions;
    int done;
    LiveAlerts live;
    long replayed;
    long unreadable;
    long cases;
    long alerts;
    long evaluations;
    long replayOnly;
    long liveOnly;
    private long lastProgress;

    Run(ReplayOptions options, ReplayListener listener, Map<String, RuleSettings> settings) {
      this.options = options;
      this.listener = listener;
      this.settings = settings;
    }

    /** Replays a partition, sending each alert to {@code emit} as derived; safe to call from a worker. */
    PartitionResult replay(PartitionScan scan, TopicPartition tp, Consumer<CaseAlert> emit) {
      RulesSimulator simulator = new RulesSimulator(engine,
          association -> settings.getOrDefault(association, engine.defaults()), zone);
      PartitionReplay replay = new PartitionReplay(simulator, options, read);
      PartitionResult result = new PartitionResult();
      replay.run(scan, tp, starts.get(tp), ends.get(tp), alert -> {
        result.alerts++;
        if (live != null) {
          result.derived.add(AlertKey.of(alert, zone));
        }
        emit.accept(alert);
        if (threads == 1 && read.get() - lastProgress >= PROGRESS_EVERY) {
          lastProgress = read.get();
          listener.progress(new ReplayProgress(read.get(), total, done, partitions));
        }
      });
      if (live != null && live.aligned) {
        result.live = live.partition(scan, tp.partition());
      }
      result.replayed = replay.replayed;
      result.unreadable = replay.unreadable;
      result.cases = replay.cases;
      result.evaluations = simulator.evaluations();
      return result;
    }

    /** Adds a partition's figures and reports its differences; on the replaying thread, in partition order. */
    void deliver(PartitionResult result) {
      replayed += result.replayed;
      unreadable += result.unreadable;
      cases += result.cases;
      alerts += result.alerts;
      evaluations += result.evaluations;
      if (live != null && live.aligned) {
        compare(result.derived, result.live, this, listener);
      } else if (live != null) {
        unaligned.addAll(result.derived);
      }
      done++;
      listener.progress(new ReplayProgress(read.get(), total, done, partitions));
    }
  }

  /** Multiset difference, reported in key order. */
  private static void compare(List<AlertKey> derived, List<AlertKey> live, Run counters, ReplayListener listener) {
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
    private final ReplayOptions options;
    private final List<TopicPartition> parts;
    private final Map<TopicPartition, Long> begin;
    private final Map<TopicPartition, Long> end;
    final boolean aligned;
    private final AtomicLong count = new AtomicLong();

    LiveAlerts(PartitionScan scan, ReplayOptions options, int eventPartitions) {
      this.options = options;
      this.parts = scan.partitions(Topics.CASE_ALERTS.name());
      this.aligned = parts.size() == eventPartitions;
      this.begin = options.from() == null ? scan.beginning(parts) : scan.at(parts, fromMillis(options));
      this.end = scan.end(parts);
    }

    List<AlertKey> partition(PartitionScan scan, int partition) {
      List<AlertKey> keys = new ArrayList<>();
      read(scan, parts.get(partition), keys);
      return keys;
    }

    List<AlertKey> all(PartitionScan scan) {
      List<AlertKey> keys = new ArrayList<>();
      parts.forEach(tp -> read(scan, tp, keys));
      return keys;
    }

    private void read(PartitionScan scan, TopicPartition tp, List<AlertKey> keys) {
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
          count.incrementAndGet();
        }
      });
    }

    long count() {
      return count.get();
    }
  }
}
