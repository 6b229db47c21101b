package org.vigie.audit.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.vigie.audit.replay.ReplayListener;
import org.vigie.audit.replay.ReplayOptions;
import org.vigie.audit.replay.ReplayProgress;
import org.vigie.audit.replay.ReplayReport;
import org.vigie.audit.replay.Replayer;
import org.vigie.platform.bench.ScratchDirectory;
import org.vigie.platform.kafka.EmbeddedKafkaBroker;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.rule.RuleSets;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/**
 * Replay throughput against a raw consumer of the same topic, on an in-process broker:
 * {@code ReplayBench [events=1000000] [cases=100000] [threads=available processors]}. Writes a synthetic log, reads it once with a
 * plain byte-array consumer (no decoding), replays it through the rules (once unmeasured first, to warm
 * the JIT up, as the rules bench does; {@code -Dbench.noWarmup=true} skips it; {@code -Dbench.rulesVersion=v5}
 * replays with an earlier rule set), reads it raw again, and
 * prints events/s of each and, last, the ratio replay / raw (best raw run). About 2% of the
 * synthetic events are corrected later (replaced or withdrawn), as in a real log.
 */
public final class ReplayBench {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final Instant UNTIL = LocalDate.of(2027, 6, 1).atStartOfDay(PARIS).toInstant();
  /** Events found recorded in error and corrected later, in percent: the log has a few corrections, as a real one. */
  private static final int CORRECTION_PERCENT = 2;

  private ReplayBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    if (args.length > 3 || events < 1 || cases < 1 || threads < 1) {
      throw new IllegalArgumentException("usage: [EVENTS [CASES [THREADS]]], each at least 1, got "
          + java.util.Arrays.toString(args));
    }
    ScratchDirectory scratch = ScratchDirectory.create("vigie-replay-bench");
    Path dir = scratch.path();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers());
      new TopicProvisioner(kafka, (short) 1).ensure(Topics.all());
      awaitLeaders(kafka);

      long t0 = System.nanoTime();
      long written = produce(kafka, events, cases);
      print("written: %d events (at most %d cases) in %.1f s", written, cases, seconds(t0));

      double raw1 = rawRead(kafka, written);
      if (!Boolean.getBoolean("bench.noWarmup")) {
        // as the rules bench: a first, unmeasured replay warms the JIT up, so the figure is the steady one
        ReplayReport warmup = replay(kafka, threads);
        print("warm-up replay (unmeasured): %.0f events/s", warmup.eventsPerSecond());
      }
      long cpu0 = processCpuNanos();
      ReplayReport report = replay(kafka, threads);
      double replayCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
      double raw2 = rawRead(kafka, written);
      double raw = Math.max(raw1, raw2);
      print("replay (%d thread(s)): %d events, %d cases, %d rule evaluations, %d alerts derived in %.1f s"
          + " (process CPU %.1f s) = %.0f events/s", threads, report.eventsRead(), report.cases(), report.evaluations(),
          report.alertsDerived(), report.elapsed().toMillis() / 1000.0, replayCpuSeconds, report.eventsPerSecond());
      print("raw consumer: %.0f events/s (runs: %.0f, %.0f)", raw, raw1, raw2);
      print("ratio replay/raw: %.2f", report.eventsPerSecond() / raw);
    } finally {
      scratch.close();
    }
  }

  /** Writes {@code cases} synthetic cases, about {@code events / cases} events each; returns the events written. */
  private static long produce(KafkaSettings kafka, int events, int cases) {
    Properties p = kafka.producer("vigie-replay-bench");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
    SyntheticHistory history = new SyntheticHistory(42L, START, 365, Math.max(4, Math.round((float) events / cases)),
        CORRECTION_PERCENT);
    long written = 0;
    AtomicLong failed = new AtomicLong();
    try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(p, Topics.CASE_EVENTS.keySerde().serializer(),
        Topics.CASE_EVENTS.valueSerde().serializer())) {
      for (int i = 0; i < cases && written < events; i++) {
        List<CaseEvent> one = history.nextCase("bench-association-" + (i % 20));
        for (CaseEvent e : one) {
          if (written == events) {
            break;
          }
          producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), e.getCaseId(), e), (meta, error) -> {
            if (error != null) {
              failed.incrementAndGet();
            }
          });
          written++;
        }
      }
      producer.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " of " + written + " events were not acknowledged");
    }
    return written;
  }

  /** Waits until every partition of the events topic has a leader: producing earlier gets retried batches refused. */
  private static void awaitLeaders(KafkaSettings kafka) throws Exception {
    try (Admin admin = Admin.create(kafka.admin())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (true) {
        TopicDescription d = admin.describeTopics(List.of(Topics.CASE_EVENTS.name())).allTopicNames().get()
            .get(Topics.CASE_EVENTS.name());
        if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("partitions without leader: " + d);
        }
        Thread.sleep(100);
      }
    }
  }

  /** Reads the events topic from the beginning to its end with a plain consumer, no decoding: events/s. */
  private static double rawRead(KafkaSettings kafka, long expected) {
    Properties p = kafka.consumer("vigie-replay-bench-raw-" + System.nanoTime());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(Topics.CASE_EVENTS.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      long t0 = System.nanoTime();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long read = 0;
      long bytes = 0;
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        for (var r : records) {
          read++;
          bytes += r.value() == null ? 0 : r.value().length;
        }
      }
      double s = seconds(t0);
      print("raw read: %d events (%d MB) in %.1f s", read, bytes >> 20, s);
      if (read != expected) {
        throw new IllegalStateException("raw read " + read + " events, expected " + expected);
      }
      return read / s;
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  private static ReplayReport replay(KafkaSettings kafka, int threads) {
    long[] alerts = {0};
    ReplayListener listener = new ReplayListener() {
      private long lastPrinted;

      @Override
      public void alert(CaseAlert alert) {
        alerts[0]++;
      }

      @Override
      public void progress(ReplayProgress p) {
        if (p.eventsRead() - lastPrinted >= 200_000 || p.partitionsDone() == p.partitions()) {
          lastPrinted = p.eventsRead();
          print("  replay progress: %d/%d events, partition %d/%d", p.eventsRead(), p.eventsTotal(),
              p.partitionsDone(), p.partitions());
        }
      }
    };
    return new Replayer(kafka, RuleEngine.named(System.getProperty("bench.rulesVersion", RuleSets.CURRENT)), PARIS, threads)
        .replay(ReplayOptions.all(UNTIL).withoutComparison(), listener);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
