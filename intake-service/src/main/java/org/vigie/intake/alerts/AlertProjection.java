package org.vigie.intake.alerts;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.db.DataErrors;
import org.vigie.platform.kafka.BatchHandler;
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
    LOG.warn("Skipping alert at {}-{}@{}: refused by the database (SQLSTATE {})", r.topic(), r.partition(), r.offset(),
        DataErrors.sqlState(error));
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    jdbi.useTransaction(h -> {
      for (ConsumerRecord<String, byte[]> r : records) {
        CaseAlert alert;
        try {
          alert = deserializer.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
          LOG.warn("Skipping undecodable alert at {}-{}@{}", r.topic(), r.partition(), r.offset());
          continue;
        }
        if (alert != null) {
          alerts.upsert(h, alert);
        }
      }
    });
  }
}
