package org.vigie.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.kafka.common.utils.Utils;
import org.vigie.platform.kafka.EmbeddedKafkaBroker;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.schemas.topics.Topics;

/**
 * One real in-process KRaft broker per test JVM, started on first use with every Vigie topic
 * created, stopped and its directory deleted when the JVM exits. Tests isolate themselves by ids (association, case),
 * not by brokers.
 */
public final class SharedKafka {
  private static final Deque<AutoCloseable> CLIENTS = new ConcurrentLinkedDeque<>();

  private SharedKafka() {}

  /**
   * Closes {@code client} when the JVM exits, before the broker stops (the last given first). Shutdown
   * hooks run in no given order: a Kafka Streams client stopped after the broker would wait for it
   * until its close timeout, in a transaction that can no longer commit.
   */
  public static void closeBeforeBroker(AutoCloseable client) {
    CLIENTS.push(client);
  }

  public static String bootstrapServers() {
    return Holder.BROKER.bootstrapServers();
  }

  public static KafkaSettings settings() {
    return new KafkaSettings(bootstrapServers());
  }

  private static final class Holder {
    static final EmbeddedKafkaBroker BROKER = startBroker();

    private static EmbeddedKafkaBroker startBroker() {
      try {
        Path dir = Files.createTempDirectory("vigie-test-kafka");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir);
        new TopicProvisioner(new KafkaSettings(broker.bootstrapServers()), (short) 1).ensure(Topics.all());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          for (AutoCloseable client = CLIENTS.poll(); client != null; client = CLIENTS.poll()) {
            try {
              client.close();
            } catch (Exception e) {
              System.err.println("test client not closed before the broker: " + e);
            }
          }
          broker.close();
          try {
            Utils.delete(dir.toFile()); // its log, tens of MB per test JVM
          } catch (IOException e) {
            System.err.println("test broker's directory " + dir + " not deleted: " + e);
          }
        }, "test-kafka-stop"));
        return broker;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
