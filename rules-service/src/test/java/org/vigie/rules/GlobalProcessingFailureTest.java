package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.rules.topology.RulesStreamsConfig;

/**
 * With the service's streams settings, a global store's processor that fails on a record, while
 * the store loads at start or later while running, logs it and goes on: the client is not stopped,
 * which would happen again at every restart since the store reloads the record from its topic.
 */
class GlobalProcessingFailureTest {
  private static final String STORE = "global-test-store";

  @Test
  void aRecordTheGlobalProcessorFailsOnIsSkipped(@TempDir Path stateDir) throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String in = "global-in-" + UUID.randomUUID();
    try (Admin admin = Admin.create(new KafkaSettings(bootstrap).admin())) {
      admin.createTopics(List.of(new NewTopic(in, 1, (short) 1))).all().get();
    }
    Properties props = RulesStreamsConfig.properties("vigie-global-" + UUID.randomUUID(), bootstrap, stateDir.toString());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(new KafkaSettings(bootstrap).producer("global-test"),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(in, "a", "boom")).get(); // met while the store loads at start
      producer.send(new ProducerRecord<>(in, "b", "loaded")).get();
      try (RulesService service = new RulesService(props, () -> failingOnBoom(in),
          new TopicProvisioner(SharedKafka.settings(), (short) 1), null, Duration.ofMillis(200))) {
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(service::running);
        assertThat(storeValue(service, "b")).isEqualTo("loaded");

        producer.send(new ProducerRecord<>(in, "c", "boom")).get(); // met while running
        producer.send(new ProducerRecord<>(in, "d", "after")).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> "after".equals(storeValue(service, "d")));
        assertThat(service.running()).isTrue();
        assertThat(service.restarts()).isZero();
        assertThat(storeValue(service, "a")).isNull();
        assertThat(storeValue(service, "c")).isNull();
      }
    }
  }

  private static String storeValue(RulesService service, String key) {
    return service.streams().store(StoreQueryParameters.fromNameAndType(STORE,
        QueryableStoreTypes.<String, String>keyValueStore())).get(key);
  }

  private static Topology failingOnBoom(String in) {
    Topology topology = new Topology();
    topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
            Serdes.String()).withLoggingDisabled(), "global-test-source", Serdes.String().deserializer(),
        Serdes.String().deserializer(), in, "global-test-loader", () -> new Processor<String, String, Void, Void>() {
          private KeyValueStore<String, String> store;

          @Override
          public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
          }

          @Override
          public void process(Record<String, String> record) {
            if (record.value().equals("boom")) {
              throw new IllegalStateException("a global processor failing on " + record.key());
            }
            store.put(record.key(), record.value());
          }
        });
    return topology;
  }
}
