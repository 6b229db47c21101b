package org.vigie.notifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.vigie.schemas.NotificationChannel;

/** The notifier's counters: sent, failed, retried, escalated, poison records, and acknowledgement latency. */
public final class NotifierMetrics {
  private final MeterRegistry registry;
  private final Timer ackLatency;
  private final Counter escalated;
  private final Counter poison;

  public NotifierMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.ackLatency = Timer.builder("vigie.notifier.ack.latency")
        .description("Time from first delivery of an alert to its acknowledgement")
        .publishPercentiles(0.5, 0.9, 0.99)
        // acknowledgements come minutes to days after the alert, a few an hour: quantiles over the last day of them,
        // not the default two minutes, mostly empty
        .minimumExpectedValue(Duration.ofSeconds(1))
        .maximumExpectedValue(Duration.ofDays(31))
        .distributionStatisticExpiry(Duration.ofDays(1))
        .register(registry);
    this.escalated = Counter.builder("vigie.notifier.escalated").description("Alerts escalated to a coordinator").register(registry);
    this.poison = Counter.builder("vigie.notifier.poison").description("Alert records sent to the dead-letter topic").register(registry);
  }

  public void sent(NotificationChannel channel) {
    counter("vigie.notifier.sent", channel).increment();
  }

  public void failed(NotificationChannel channel) {
    counter("vigie.notifier.failed", channel).increment();
  }

  public void retried(NotificationChannel channel) {
    counter("vigie.notifier.retried", channel).increment();
  }

  public void escalated() {
    escalated.increment();
  }

  public void poison() {
    poison.increment();
  }

  public void acknowledged(Duration sinceFirstSent) {
    ackLatency.record(sinceFirstSent.isNegative() ? Duration.ZERO : sinceFirstSent);
  }

  public double count(String name, NotificationChannel channel) {
    return counter(name, channel).count();
  }

  private Counter counter(String name, NotificationChannel channel) {
    return Counter.builder(name).tag("channel", channel.name()).register(registry);
  }
}
