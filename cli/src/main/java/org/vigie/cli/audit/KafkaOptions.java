package org.vigie.cli.audit;

import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.KafkaSettings;
import picocli.CommandLine.Option;

/** Which Kafka the audit commands read; the default suits a {@code vigie local} on this machine. */
public final class KafkaOptions {
  /** Where {@code vigie local} starts its broker when no KAFKA_BOOTSTRAP_SERVERS is given. */
  static final String LOCAL_BOOTSTRAP = "localhost:9092";

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default KAFKA_BOOTSTRAP_SERVERS, else " + LOCAL_BOOTSTRAP + ").")
  String bootstrap;

  public KafkaSettings settings(Config config) {
    return new KafkaSettings(bootstrap != null ? bootstrap : config.get(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, LOCAL_BOOTSTRAP));
  }
}
