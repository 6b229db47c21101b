package org.vigie.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;

/** The decoded values of a batch of records, for a projection that skips what it cannot read. */
public final class RecordValues {
  private RecordValues() {}

  /** Each record's value in order; an undecodable record or a tombstone is left out (the former with a warning naming {@code what}). */
  public static <T> List<T> decode(List<ConsumerRecord<String, byte[]>> records, Deserializer<T> deserializer, Logger log,
      String what) {
    List<T> values = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> r : records) {
      T value;
      try {
        value = deserializer.deserialize(r.topic(), r.value());
      } catch (RuntimeException e) {
        log.warn("Skipping undecodable {} at {}-{}@{}", what, r.topic(), r.partition(), r.offset());
        continue;
      }
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** The warning of a projection whose database refused a record ({@link IsolatingBatchHandler} then skips it). */
  public static void refused(Logger log, String what, ConsumerRecord<String, byte[]> r, String sqlState) {
    log.warn("Skipping {} at {}-{}@{}: refused by the database (SQLSTATE {})", what, r.topic(), r.partition(), r.offset(), sqlState);
  }
}
