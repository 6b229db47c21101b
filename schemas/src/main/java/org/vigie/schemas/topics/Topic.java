package org.vigie.schemas.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values: one descriptor per topic, shared by writer and readers. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int defaultPartitions, boolean compacted) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
