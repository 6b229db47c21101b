package org.vigie.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde over Avro single-object encoding: a 2-byte marker, the 8-byte fingerprint of the
 * writer schema, then the binary body. The writer schema is looked up among every published
 * version of the record (see {@link SchemaHistory}) and resolved to the current one, so no
 * schema registry is needed. A null value (tombstone) stays null both ways.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroSerde(Class<T> type) {
    TrustedClasses.register();
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    Schema current = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current, SchemaHistory.storeFor(current.getName()));
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T value) {
    if (value == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode " + type.getSimpleName() + " for " + topic, e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return decoder.decode(data);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot decode " + type.getSimpleName() + " from " + topic, e);
    }
  }

  /** Encodes without a topic, e.g. for a state store or a file. */
  public byte[] encode(T value) {
    return serialize(null, value);
  }

  public T decode(byte[] data) {
    return deserialize(null, data);
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // nothing to configure: the schemas come from the classpath
  }

  @Override
  public void close() {
    // stateless
  }
}
