package org.vigie.rules.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.rules.RulesService;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;

/**
 * The rules service as a separate JVM for the crash test: a fixed clock (so alerts are comparable
 * with a reference run) and static group membership (so a restart takes its partitions back at
 * once instead of waiting for the killed member's session to expire).
 * Arguments: bootstrap servers, application id, state dir, instant of the fixed clock.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Properties props = RulesStreamsConfig.properties(args[1], args[0], args[2]);
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), args[1] + "-instance");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    // a killed instance's open transaction blocks its successor's offset commit until it times out
    props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 5_000);
    RulesConfig config = RulesConfig.defaults().withTickInterval(Duration.ofSeconds(1))
        .withClock(Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC));
    RulesService service = new RulesService(props, config,
        new TopicProvisioner(new KafkaSettings(args[0]), (short) 1));
    service.start();
    System.out.println("CHILD STARTED");
    Thread.currentThread().join();
  }
}
