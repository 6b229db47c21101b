package org.vigie.cli.audit;

import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.KafkaSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Which Kafka the audit commands read; the default suits a {@code vigie local} on this machine. */
public final class KafkaOptions {
  /** Where {@code vigie local} starts its broker when no KAFKA_BOOTSTRAP_SERVERS is given. */
  static final String LOCAL_BOOTSTRAP = "localhost:9092";

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default KAFKA_BOOTSTRAP_SERVERS, else " + LOCAL_BOOTSTRAP + ").")
  String bootstrap;

  public String bootstrap(Config config) {
    return bootstrap != null ? bootstrap : config.get(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, LOCAL_BOOTSTRAP);
  }

  public KafkaSettings settings(Config config) {
    return new KafkaSettings(bootstrap(config));
  }

  /** Runs a command's body; a Kafka failure (broker unreachable, topic missing) is one line on stderr and exit code 1. */
  public int run(CommandSpec spec, Config config, Callable<Integer> body) throws Exception {
    try {
      return body.call();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof KafkaException) {
          spec.commandLine().getErr().println("vigie: Kafka injoignable ou refusant la lecture / unreachable or refusing "
              + "to be read (" + bootstrap(config) + "): " + t.getMessage());
          return 1;
        }
      }
      throw e;
    }
  }
}
