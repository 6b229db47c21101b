package org.vigie.rules.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * Keeps the global settings store equal to the compacted settings topic; a tombstone restores the
 * defaults. The records arrive as bytes and are decoded here: a record that cannot be decoded is
 * logged and skipped, and its association keeps the settings it had, as in the audit replay. Left to
 * Kafka Streams' deserialization handler, it would stop the whole service: the global thread cannot
 * send it to the dead-letter queue, and fails instead, at every start while the record is in the
 * topic.
 */
final class SettingsLoader implements Processor<String, byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsLoader.class);
  private final AvroSerde<AssociationSettings> serde = AvroSerde.of(AssociationSettings.class);
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, AssociationSettings> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.ASSOCIATION_SETTINGS);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    AssociationSettings settings;
    try {
      settings = serde.deserialize(Topics.ASSOCIATION_SETTINGS.name(), record.value());
    } catch (SerializationException e) {
      String where = context.recordMetadata().map(SettingsLoader::position).orElse("?");
      LOG.warn("Unreadable settings record for association {} at {}, skipped: the association keeps its "
          + "previous settings", record.key(), where, e);
      return;
    }
    store.put(record.key(), settings);
  }

  private static String position(RecordMetadata metadata) {
    return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
  }
}
