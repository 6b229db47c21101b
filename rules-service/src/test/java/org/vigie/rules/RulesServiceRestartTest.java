package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.rules.service.TopicReader;
import org.vigie.rules.topology.RulesStreamsConfig;

/**
 * A failure no handler takes puts the Kafka Streams client in ERROR for good: the service replaces
 * it, and the new client goes on from the last committed transaction, the failed record included,
 * at once: it is the same static member of the group. A replacement that cannot be created is tried
 * again.
 */
class RulesServiceRestartTest {

  @Test
  void aFailedClientIsReplacedAndProcessingGoesOn(@TempDir Path stateDir) throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String in = newTopic("restart-in-");
    String out = newTopic("restart-out-");
    // the first time it sees "boom", the processor dies of an Error, which no exception handler takes
    AtomicBoolean failed = new AtomicBoolean();
    // the service's own settings, default session (45 s) included: the new client is the same static member
    // of the group as the failed one, and takes its partitions back at once
    try (RulesService service = new RulesService(serviceSettings(bootstrap, stateDir), () -> failingOnce(in, out, failed),
            new TopicProvisioner(SharedKafka.settings(), (short) 1), 0, Duration.ofMillis(200));
        KafkaProducer<String, String> producer = producer();
        TopicReader<String, String> output = reader(out)) {
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(service::running);
      producer.send(new ProducerRecord<>(in, "k", "before")).get();
      await().atMost(Duration.ofSeconds(60)).until(() -> output.poll().size() == 1);

      producer.send(new ProducerRecord<>(in, "k", "boom")).get();
      producer.send(new ProducerRecord<>(in, "k", "after")).get();

      // well within the 45 s a new member of the group would wait for the failed one's session to expire
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(output.poll())
          .extracting(r -> r.value()).containsExactly("before", "boom", "after"));
      assertThat(failed).isTrue();
      assertThat(service.restarts()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(30)).until(service::running);
      // the ops endpoints follow the new client: ready, and its metrics in place of the failed one's
      HttpClient http = HttpClient.newHttpClient();
      String ops = "http://127.0.0.1:" + service.opsPort();
      assertThat(http.send(HttpRequest.newBuilder(URI.create(ops + "/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      String metrics = http.send(HttpRequest.newBuilder(URI.create(ops + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics.lines().filter(l -> l.startsWith("kafka_stream_thread_thread_state{"))).hasSize(1);
      assertThat(metrics).contains("vigie_rules_restarts_total 1.0");
    }
  }

  @Test
  void aClientThatCannotBeCreatedIsTriedAgain(@TempDir Path stateDir) throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String in = newTopic("restart-in-");
    String out = newTopic("restart-out-");
    AtomicBoolean failed = new AtomicBoolean();
    // the first replacement cannot even be built (as when its state directory cannot be written)
    AtomicInteger builds = new AtomicInteger();
    Supplier<Topology> topologies = () -> {
      if (builds.incrementAndGet() == 2) {
        throw new IllegalStateException("the new client cannot be created");
      }
      return failingOnce(in, out, failed);
    };
    try (RulesService service = new RulesService(shortSessions(bootstrap, stateDir), topologies,
            new TopicProvisioner(SharedKafka.settings(), (short) 1), null, Duration.ofMillis(200));
        KafkaProducer<String, String> producer = producer();
        TopicReader<String, String> output = reader(out)) {
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(service::running);
      producer.send(new ProducerRecord<>(in, "k", "boom")).get();
      producer.send(new ProducerRecord<>(in, "k", "after")).get();

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(output.poll())
          .extracting(r -> r.value()).containsExactly("boom", "after"));
      assertThat(builds.get()).isEqualTo(3);
      assertThat(service.restarts()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(30)).until(service::running);
    }
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(SharedKafka.settings().producer("restart-test"), new StringSerializer(),
        new StringSerializer());
  }

  private static TopicReader<String, String> reader(String topic) {
    return new TopicReader<>(SharedKafka.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer());
  }

  private static String newTopic(String prefix) throws Exception {
    String topic = prefix + UUID.randomUUID();
    try (Admin admin = Admin.create(SharedKafka.settings().admin())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    return topic;
  }

  /** The streams settings the service runs with (RulesSettings), on a new application id. */
  private static Properties serviceSettings(String bootstrap, Path stateDir) {
    return RulesSettings.from(Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, bootstrap,
        RulesSettings.APPLICATION_ID, "vigie-rules-restart-" + UUID.randomUUID(),
        RulesSettings.STATE_DIR, stateDir.toString()))).streamsProperties();
  }

  /** The service's settings, with the broker's shortest session: a new client gets the partitions sooner. */
  private static Properties shortSessions(String bootstrap, Path stateDir) {
    Properties props = RulesStreamsConfig.properties("vigie-rules-restart-" + UUID.randomUUID(), bootstrap,
        stateDir.toString());
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
    return props;
  }

  private static Topology failingOnce(String in, String out, AtomicBoolean failed) {
    Topology topology = new Topology();
    topology.addSource("restart-source", Serdes.String().deserializer(), Serdes.String().deserializer(), in);
    topology.addProcessor("restart-processor", () -> new Processor<String, String, String, String>() {
      private ProcessorContext<String, String> context;

      @Override
      public void init(ProcessorContext<String, String> context) {
        this.context = context;
      }

      @Override
      public void process(Record<String, String> record) {
        if (record.value().equals("boom") && failed.compareAndSet(false, true)) {
          throw new AssertionError("a failure no handler takes");
        }
        context.forward(record);
      }
    }, "restart-source");
    topology.addSink("restart-sink", out, Serdes.String().serializer(), Serdes.String().serializer(), "restart-processor");
    return topology;
  }
}
