package org.vigie.rules.topology;

import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.vigie.schemas.serde.AvroSerde;

/**
 * What the hand-coded writers share: the single-object header of the current schema, one reusable
 * buffer per writing thread (a serde is shared by the tasks of every stream thread; the record is
 * written there, then copied out at its exact size), and Avro itself when the schema is not the one
 * the hand-coded body follows.
 */
final class HandCodedWriter<T extends SpecificRecord> {
  private final AvroSerde<T> avro;
  private final byte[] header;
  private final boolean handCoded;
  private final BiConsumer<T, AvroBytes> body;
  private final ThreadLocal<AvroBytes> buffers = ThreadLocal.withInitial(() -> new AvroBytes(4096));

  HandCodedWriter(Class<T> type, long fingerprint, boolean handCoded, BiConsumer<T, AvroBytes> body) {
    this.avro = AvroSerde.of(type);
    this.header = AvroSerde.header(fingerprint);
    this.handCoded = handCoded;
    this.body = body;
  }

  boolean handCoded() {
    return handCoded;
  }

  byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (!handCoded) {
      return avro.serialize(topic, record);
    }
    AvroBytes out = buffers.get().reset();
    out.raw(header);
    body.accept(record, out);
    return out.bytes();
  }
}
