package org.vigie.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde over Avro single-object encoding: a 2-byte marker (C3 01), the 8-byte little-endian
 * CRC-64-AVRO fingerprint of the writer schema, then the binary body. The writer schema is looked
 * up among every published version of the record (see {@link SchemaHistory}) and resolved to the
 * current one, so no schema registry is needed. A null value (tombstone) stays null both ways.
 *
 * <p>The body is read and written with Avro's buffered binary coders over the byte array (the
 * message coders of Avro go through unbuffered streams, several times slower on the rules' hot
 * path). Thread-safe: the datum readers and writers are, and coders are made per call.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private static final byte MARKER_0 = (byte) 0xC3;
  private static final byte MARKER_1 = (byte) 0x01;
  private static final int HEADER = 10;
  private final Class<T> type;
  private final SpecificData model;
  private final Schema current;
  private final byte[] header;
  private final long fingerprint;
  private final SpecificDatumWriter<T> writer;
  private final DatumReader<T> currentReader;
  private final SchemaStore history;
  private final Map<Long, DatumReader<T>> olderReaders = new ConcurrentHashMap<>();

  private AvroSerde(Class<T> type) {
    TrustedClasses.register();
    this.type = type;
    this.model = SpecificData.getForClass(type);
    this.current = model.getSchema(type);
    this.fingerprint = SchemaNormalization.parsingFingerprint64(current);
    this.header = header(fingerprint);
    this.writer = new SpecificDatumWriter<>(current, model);
    this.currentReader = new SpecificDatumReader<>(current, current, model);
    this.history = SchemaHistory.storeFor(current.getName());
  }

  /** The single-object encoding header of a schema's fingerprint: marker C3 01, then the 8 bytes little-endian. */
  public static byte[] header(long fingerprint) {
    byte[] header = new byte[HEADER];
    header[0] = MARKER_0;
    header[1] = MARKER_1;
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return header;
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
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(header);
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writer.write(value, encoder);
      encoder.flush();
      return out.toByteArray();
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
      if (data.length < HEADER || data[0] != MARKER_0 || data[1] != MARKER_1) {
        throw new SerializationException("Not an Avro single-object encoded " + type.getSimpleName()
            + " (bad header) from " + topic);
      }
      long writtenWith = 0;
      for (int i = 0; i < 8; i++) {
        writtenWith |= (data[2 + i] & 0xFFL) << (8 * i);
      }
      DatumReader<T> reader = writtenWith == fingerprint ? currentReader : readerFor(writtenWith, topic);
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER, data.length - HEADER, null);
      return reader.read(null, decoder);
    } catch (SerializationException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot decode " + type.getSimpleName() + " from " + topic, e);
    }
  }

  private DatumReader<T> readerFor(long writtenWith, String topic) {
    DatumReader<T> reader = olderReaders.get(writtenWith);
    if (reader != null) {
      return reader;
    }
    Schema writerSchema = history.findByFingerprint(writtenWith);
    if (writerSchema == null) {
      throw new SerializationException("Cannot decode " + type.getSimpleName() + " from " + topic
          + ": unknown schema fingerprint " + Long.toHexString(writtenWith));
    }
    return olderReaders.computeIfAbsent(writtenWith, f -> new SpecificDatumReader<>(writerSchema, current, model));
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
