package org.vigie.rules.topology;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * The rules-service topology, a pure function of its configuration:
 * <pre>
 *   vigie.case-events.v1 → case-events-source → case-rules → case-alerts-sink → vigie.case-alerts.v1
 *                                       stores: case-state, deadline-index, association-cases, settings-progress
 *                                       (the two indexes in memory, rebuilt from case-state when a task starts)
 *   vigie.association-settings.v1 → association-settings-source → association-settings-loader
 *                                       global store: association-settings
 * </pre>
 */
public final class RulesTopology {
  private RulesTopology() {}

  public static Topology build(RulesConfig config) {
    Topology topology = new Topology();
    topology.addSource(StoreNames.CASE_EVENTS_SOURCE, Topics.CASE_EVENTS.keySerde().deserializer(),
        Topics.CASE_EVENTS.valueSerde().deserializer(), Topics.CASE_EVENTS.name());
    topology.addProcessor(StoreNames.CASE_RULES, new CaseRulesSupplier(config), StoreNames.CASE_EVENTS_SOURCE);
    topology.addSink(StoreNames.CASE_ALERTS_SINK, Topics.CASE_ALERTS.name(), Topics.CASE_ALERTS.keySerde().serializer(),
        new CaseAlertSerializer(), StoreNames.CASE_RULES);
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(store(config, StoreNames.ASSOCIATION_SETTINGS), Serdes.String(),
            AvroSerde.of(AssociationSettings.class)).withLoggingDisabled(),
        // the values are decoded by the loader, which skips an unreadable one (see SettingsLoader)
        StoreNames.SETTINGS_SOURCE, Topics.ASSOCIATION_SETTINGS.keySerde().deserializer(),
        Serdes.ByteArray().deserializer(), Topics.ASSOCIATION_SETTINGS.name(),
        StoreNames.SETTINGS_LOADER, SettingsLoader::new);
    return topology;
  }

  private static KeyValueBytesStoreSupplier store(RulesConfig config, String name) {
    return config.persistentStores() ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
  }

  private static final class CaseRulesSupplier implements ProcessorSupplier<String, CaseEvent, String, CaseAlert> {
    private final RulesConfig config;

    CaseRulesSupplier(RulesConfig config) {
      this.config = config;
    }

    @Override
    public Processor<String, CaseEvent, String, CaseAlert> get() {
      return new CaseRulesProcessor(config);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      // case-state is the truth, read through the processor's object cache: the store cache would
      // only copy bytes around. The two indexes are derived from it (each state holds its next due
      // time and its association): in memory, not logged, rebuilt by the processor's init.
      StoreBuilder<KeyValueStore<String, CaseState>> cases = Stores.keyValueStoreBuilder(
          store(config, StoreNames.CASE_STATE), Serdes.String(), new CaseStateSerde(config.maxStateBytes()))
          .withCachingDisabled();
      StoreBuilder<KeyValueStore<Bytes, String>> deadlines = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(StoreNames.DEADLINE_INDEX), Serdes.Bytes(), Serdes.String())
          .withLoggingDisabled();
      StoreBuilder<KeyValueStore<String, String>> associationCases = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(StoreNames.ASSOCIATION_CASES), Serdes.String(), Serdes.String())
          .withLoggingDisabled();
      StoreBuilder<KeyValueStore<String, String>> progress = Stores.keyValueStoreBuilder(
          store(config, StoreNames.SETTINGS_PROGRESS), Serdes.String(), Serdes.String());
      return new LinkedHashSet<>(List.of(cases, deadlines, associationCases, progress));
    }
  }
}
