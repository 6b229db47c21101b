package org.vigie.intake.alerts;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.db.DataErrors;
import org.vigie.platform.kafka.BatchHandler;
import org.vigie.platform.kafka.RecordValues;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.topics.Topics;

/**
 * Feeds the alerts read model from {@code vigie.case-alerts.v1} (read_committed, through a
 * {@link org.vigie.platform.kafka.ConsumerLoop}): each batch is upserted in one transaction before
 * its offsets are committed (at least once; the upsert is idempotent). A record that cannot be
 * decoded, or that the database refuses ({@link #refused}), is skipped with a warning (rules-service owns the topic).
 */
public final class AlertProjection implements BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AlertProjection.class);

  private final Jdbi jdbi;
  private final AlertRepository alerts;
  private final Deserializer<CaseAlert> deserializer = Topics.CASE_ALERTS.valueSerde().deserializer();

  public AlertProjection(Jdbi jdbi, AlertRepository alerts) {
    this.jdbi = jdbi;
    this.alerts = alerts;
  }

  /** For {@link org.vigie.platform.kafka.IsolatingBatchHandler}: an alert the database refuses is skipped with a warning. */
  public void refused(ConsumerRecord<String, byte[]> r, Exception error) {
    RecordValues.refused(LOG, "alert", r, DataErrors.sqlState(error));
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    List<CaseAlert> batch = RecordValues.decode(records, deserializer, LOG, "alert");
    jdbi.useTransaction(h -> {
      java.util.Set<String> projected = new java.util.HashSet<>();
      for (CaseAlert alert : batch) {
        alerts.upsert(h, alert);
        projected.add(alert.getAlertId());
      }
      if (!projected.isEmpty()) {
        alerts.applyEarlyAcknowledgements(h, projected);
      }
    });
  }
}
