package org.vigie.notifier.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NotifierMetricsTest {

  @Test
  void theAcknowledgementLatencyQuantilesReadMinutesAndHours() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    NotifierMetrics metrics = new NotifierMetrics(registry);
    metrics.acknowledged(Duration.ofSeconds(64));
    metrics.acknowledged(Duration.ofSeconds(210));
    metrics.acknowledged(Duration.ofHours(20));

    ValueAtPercentile[] quantiles = registry.get("vigie.notifier.ack.latency").timer().takeSnapshot().percentileValues();
    assertThat(quantiles).hasSize(3);
    assertThat(quantiles[0].value(TimeUnit.SECONDS)).as("median").isBetween(150.0, 260.0);
    assertThat(quantiles[2].value(TimeUnit.HOURS)).as("99th").isBetween(15.0, 25.0);
    String median = registry.scrape().lines().filter(l -> l.startsWith("vigie_notifier_ack_latency_seconds{quantile=\"0.5\"}"))
        .findFirst().orElseThrow();
    assertThat(Double.parseDouble(median.substring(median.lastIndexOf(' ') + 1))).as(median).isBetween(150.0, 260.0);
  }
}
