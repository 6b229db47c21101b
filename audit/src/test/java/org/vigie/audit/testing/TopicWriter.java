package org.vigie.audit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.schemas.topics.Topic;

/** Writes records to a topic of the shared test broker and waits until they are acknowledged. */
public final class TopicWriter {
  private TopicWriter() {}

  /** Writes with the producer's clock as timestamps (the broker refuses timestamps too far in the past). */
  public static <V> void write(KafkaSettings kafka, Topic<String, V> topic, List<V> values, Function<V, String> key) {
    try (KafkaProducer<String, V> producer = new KafkaProducer<>(kafka.producer("audit-test"),
        topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (V v : values) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), key.apply(v), v)));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
