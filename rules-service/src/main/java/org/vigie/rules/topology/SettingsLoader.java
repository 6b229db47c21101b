package org.vigie.rules.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigie.schemas.AssociationSettings;

/** Keeps the global settings store equal to the compacted settings topic; a tombstone restores the defaults. */
final class SettingsLoader implements Processor<String, AssociationSettings, Void, Void> {
  private KeyValueStore<String, AssociationSettings> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.ASSOCIATION_SETTINGS);
  }

  @Override
  public void process(Record<String, AssociationSettings> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
