package org.vigie.rules.topology;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.vigie.schemas.topics.Topics;

/**
 * Kafka Streams settings of the rules service: exactly-once v2, records that cannot be decoded or
 * processed go to the built-in dead-letter queue (Kafka ≥ 4.2) and processing continues, and every
 * internal resource must be explicitly named.
 */
public final class RulesStreamsConfig {
  public static final String APPLICATION_ID = "vigie-rules";

  private RulesStreamsConfig() {}

  public static Properties properties(String bootstrapServers, String stateDir) {
    return properties(APPLICATION_ID, bootstrapServers, stateDir);
  }

  public static Properties properties(String applicationId, String bootstrapServers, String stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    // ...in the global thread too: otherwise a failure loading one settings record stops the client,
    // and again at every restart, since the global store is reloaded from the topic, record included
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // ...said to the main consumer too: its partition assignor reads the streams settings from the
    // consumer's, and warned at each start that the handler was not enabled for the global thread
    p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.RULES_DLQ.name());
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // Each event writes a state of about 1 KB to the changelog and often an alert of a few hundred
    // bytes: larger, compressed batches mean far fewer produce requests and bytes for the broker.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    return p;
  }
}
