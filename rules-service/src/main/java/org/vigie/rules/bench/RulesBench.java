package org.vigie.rules.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigie.platform.bench.ScratchDirectory;
import org.vigie.platform.kafka.EmbeddedKafkaBroker;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.rules.topology.DeadlineKey;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;
import org.vigie.rules.topology.RulesTopology;
import org.vigie.rules.topology.StoreNames;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * Benchmark of the rules topology on the real in-process broker with exactly_once_v2, against a
 * trivial groupByKey/aggregate baseline over the same input, in the same run. Prints events/s of
 * both, a deadline tick over many stored cases with nothing due, state bytes per case, and the
 * ratio rules/baseline as the last line.
 *
 * <p>Sizes: {@code -Dbench.cases=100000 -Dbench.events=1000000 -Dbench.tickCases=1000000} (defaults);
 * {@code -Dbench.commitMs} sets commit.interval.ms of both runs (exactly-once default: 100);
 * {@code -Dbench.streams.<property>=<value>} sets any Kafka Streams property of both runs;
 * {@code -Dbench.stateStore=memory} measures the rules with in-memory stores (default: RocksDB, as the
 * service). After the measured rules run, a restart on an empty state directory prints how long the
 * stores take to be restored from their changelog. Besides
 * events/s, each run prints its process and stream-thread CPU per event, steadier than rates on a
 * shared machine. Both topologies first run once over the input unmeasured, to warm the JIT up
 * ({@code -Dbench.noWarmup=true} skips it).
 */
public final class RulesBench {
  private static final Instant CLOCK = Instant.parse("2026-09-15T07:00:00Z");
  private static final String STREAMS_PREFIX = "bench.streams.";

  private RulesBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      throw new IllegalArgumentException("bench rules takes no argument: its settings are -Dbench.* properties (see "
          + "rules-service/README.md), got " + java.util.Arrays.toString(args));
    }
    int cases = Integer.getInteger("bench.cases", 100_000);
    int events = Integer.getInteger("bench.events", 1_000_000);
    int tickCases = Integer.getInteger("bench.tickCases", 1_000_000);
    ScratchDirectory scratch = ScratchDirectory.create("vigie-bench");
    Path dir = scratch.path();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      new TopicProvisioner(new KafkaSettings(bootstrap), (short) 1).ensure(Topics.all());
      // the generated events are not kept: a million objects held by the bench would weigh on the
      // collector during both runs
      int count = produce(bootstrap, BenchEvents.generate(cases, events, 7));
      System.out.printf("input: %d events over %d cases%n", count, cases);

      RulesConfig config = RulesConfig.defaults().withClock(Clock.fixed(CLOCK, ZoneOffset.UTC))
          .withCachedCasesPerTask(
              Integer.getInteger("bench.cachedCasesPerTask", RulesConfig.DEFAULT_CACHED_CASES_PER_TASK));
      if ("memory".equals(System.getProperty("bench.stateStore"))) {
        config = config.withInMemoryStores();
      }
      System.out.printf("case-state store: %s%n", config.persistentStores() ? "rocksdb" : "memory");
      if (!Boolean.getBoolean("bench.noWarmup")) {
        // Each topology first runs over the whole input under its own application id (its own group,
        // state and changelogs), so that neither measure includes the compiler's work: it took about a
        // fifth of the process CPU during an unwarmed rules run.
        run("baseline-warmup", baselineTopology(), bootstrap, dir, count, null);
        run("rules-warmup", RulesTopology.build(config), bootstrap, dir, count, null);
      }
      double baseline = run("baseline", baselineTopology(), bootstrap, dir, count, null);
      double[] bytesPerCase = new double[2];
      long alertsBefore = alertCount(bootstrap);
      double rules = run("rules", RulesTopology.build(config), bootstrap, dir, count,
          streams -> stateBytesPerCase(streams, bytesPerCase));
      System.out.printf("alerts topic end offsets (alerts + transaction markers) written by the measured run: %d%n",
          alertCount(bootstrap) - alertsBefore);
      restart(RulesTopology.build(config), bootstrap, dir);
      System.out.printf("baseline groupByKey/aggregate: %.0f events/s%n", baseline);
      System.out.printf("rules topology: %.0f events/s%n", rules);
      System.out.printf("state bytes per case: %.0f (case-state key and value, stored and logged: %.0f; "
          + "in-memory deadline and association index entries: %.0f)%n",
          bytesPerCase[0] + bytesPerCase[1], bytesPerCase[0], bytesPerCase[1]);
      System.out.printf("deadline tick with nothing due over %d stored cases: %.3f ms%n", tickCases,
          tickMillis(tickCases, dir));
      System.out.printf("ratio rules/baseline: %.2f%n", rules / baseline);
    } finally {
      scratch.close(); // the broker's log and both runs' state: about 1 GB
    }
  }

  /** Writes the input to the events topic; returns how many events it holds. */
  private static int produce(String bootstrap, List<CaseEvent> input) {
    AvroSerde<CaseEvent> serde = AvroSerde.of(CaseEvent.class);
    Properties p = new KafkaSettings(bootstrap).producer("bench");
    p.put("linger.ms", 20);
    p.put("batch.size", 256 * 1024);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (CaseEvent e : input) {
        producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), e.getCaseId(), serde.encode(e)));
      }
      producer.flush();
    }
    return input.size();
  }

  /** The baseline: the same input, grouped by case and folded into a byte counter, with EOS. */
  private static Topology baselineTopology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.CASE_EVENTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("bench-source"))
        .groupByKey(Grouped.with("bench-group", Serdes.String(), Serdes.ByteArray()))
        .aggregate(() -> 0L, (key, value, total) -> total + value.length, Named.as("bench-aggregate"),
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("bench-totals")
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
        .toStream(Named.as("bench-to-stream"))
        .to("bench.baseline-out", Produced.with(Serdes.String(), Serdes.Long()).withName("bench-sink"));
    return builder.build();
  }

  interface AfterRun {
    void accept(KafkaStreams streams) throws Exception;
  }

  /** The streams settings of a run: the service's, with the bench's overrides. */
  private static Properties properties(String appId, String bootstrap, Path stateDir) {
    Properties props = RulesStreamsConfig.properties(appId, bootstrap, stateDir.toString());
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    String commitMs = System.getProperty("bench.commitMs");
    if (commitMs != null) {
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
    }
    // -Dbench.streams.<property>=<value>: a Kafka Streams setting for both runs, to try one
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(STREAMS_PREFIX))
        .forEach(k -> props.put(k.substring(STREAMS_PREFIX.length()), System.getProperty(k)));
    return props;
  }

  /**
   * A restart of the measured rules run on an empty state directory, as after a crash with in-memory
   * stores or on a new machine: prints the time until the client runs with every store restored from
   * its changelog, and how many records that read.
   */
  private static void restart(Topology topology, String bootstrap, Path dir) throws Exception {
    AtomicInteger restoring = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    AtomicLong restored = new AtomicLong();
    KafkaStreams streams = new KafkaStreams(topology, properties("bench-rules", bootstrap, dir.resolve("rules-restart")));
    streams.setGlobalStateRestoreListener(new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
        started.incrementAndGet();
        restoring.incrementAndGet();
      }

      @Override
      public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long count) {
        restored.addAndGet(count);
      }

      @Override
      public void onRestoreEnd(TopicPartition partition, String store, long total) {
        restoring.decrementAndGet();
      }
    });
    try {
      long start = System.nanoTime();
      streams.start();
      while (streams.state() != KafkaStreams.State.RUNNING || started.get() == 0 || restoring.get() > 0) {
        TimeUnit.MILLISECONDS.sleep(20); // polling the client's state, not synchronising threads
        if (streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException("restart failed");
        }
      }
      System.out.printf("restart on an empty state directory: running after %.1f s, %d changelog records restored%n",
          (System.nanoTime() - start) / 1e9, restored.get());
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }

  /** Runs a topology from the start of the input until it has consumed all of it; returns events/s. */
  private static double run(String name, Topology topology, String bootstrap, Path dir, int count, AfterRun after)
      throws Exception {
    String appId = "bench-" + name;
    Properties props = properties(appId, bootstrap, dir.resolve(name));
    try (Admin admin = Admin.create(new KafkaSettings(bootstrap).admin())) {
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("bench.baseline-out", 12, (short) 1)));
      Map<TopicPartition, Long> ends = endOffsets(admin, Topics.CASE_EVENTS.name());
      KafkaStreams streams = new KafkaStreams(topology, props);
      try {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        streams.start();
        while (!consumed(admin, appId, ends)) {
          TimeUnit.MILLISECONDS.sleep(100); // polling a broker-side lag, not synchronising threads
          if (streams.state() == KafkaStreams.State.ERROR) {
            throw new IllegalStateException(name + " failed");
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU figures tell the legs apart on a shared machine, where wall-clock rates are noisy
        System.out.printf("%s: %.1f s, process CPU %.1f µs/event, stream thread CPU %.1f µs/event%n", name, seconds,
            (processCpuNanos() - cpuStart) / 1e3 / count, streamThreadCpuNanos(appId) / 1e3 / count);
        if (after != null) {
          after.accept(streams);
        }
        return count / seconds;
      } finally {
        // leaving the group as the service does when it stops: the restart below gets the partitions at
        // once instead of after the session timeout
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
      }
    }
  }

  private static long alertCount(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(new KafkaSettings(bootstrap).admin())) {
      // end offsets count transaction markers too: an upper bound
      return endOffsets(admin, Topics.CASE_ALERTS.name()).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU time of the stream threads of an application (not their producers' network threads). */
  private static long streamThreadCpuNanos(String appId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(appId) && t.getName().contains("StreamThread")) {
        total += Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return total;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
    partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new java.util.HashMap<>();
    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request).all().get().entrySet()) {
      ends.put(e.getKey(), e.getValue().offset());
    }
    return ends;
  }

  private static boolean consumed(Admin admin, String groupId, Map<TopicPartition, Long> ends) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata c = committed.get(end.getKey());
      if (end.getValue() > 0 && (c == null || c.offset() < end.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Fills {@code perCase} with the stored bytes and the index bytes per case. */
  private static void stateBytesPerCase(KafkaStreams streams, double[] perCase) {
    ReadOnlyKeyValueStore<String, CaseState> store = streams.store(
        StoreQueryParameters.fromNameAndType(StoreNames.CASE_STATE, QueryableStoreTypes.keyValueStore()));
    AvroSerde<CaseState> serde = AvroSerde.of(CaseState.class);
    long stored = 0;
    long indexes = 0;
    long n = 0;
    try (KeyValueIterator<String, CaseState> all = store.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        stored += entry.key.length() + serde.encode(entry.value).length;
        indexes += 8 + 2L * entry.key.length(); // deadline-index entry
        indexes += entry.value.getAssociationId().length() + 1 + 2L * entry.key.length(); // association-cases entry
        n++;
      }
    }
    perCase[0] = n == 0 ? 0 : (double) stored / n;
    perCase[1] = n == 0 ? 0 : (double) indexes / n;
  }

  /** One wall-clock tick over {@code cases} cases stored in the deadline index, none due. */
  private static double tickMillis(int cases, Path dir) throws IOException {
    Properties props = RulesStreamsConfig.properties("bench-tick", "ttd:9092", dir.resolve("tick").toString());
    RulesConfig config = RulesConfig.defaults().withTickInterval(Duration.ofMinutes(1));
    Instant start = CLOCK;
    try (TopologyTestDriver driver = new TopologyTestDriver(RulesTopology.build(config), props, start)) {
      KeyValueStore<Bytes, String> index = driver.getKeyValueStore(StoreNames.DEADLINE_INDEX);
      long future = start.plus(Duration.ofDays(30)).toEpochMilli();
      for (int i = 0; i < cases; i++) {
        index.put(DeadlineKey.of(future + i, "case-" + i), "case-" + i);
      }
      driver.advanceWallClockTime(Duration.ofMinutes(1));
      int ticks = 200;
      long begin = System.nanoTime();
      for (int i = 0; i < ticks; i++) {
        driver.advanceWallClockTime(Duration.ofMinutes(1));
      }
      return (System.nanoTime() - begin) / 1e6 / ticks;
    }
  }
}
