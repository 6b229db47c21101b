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
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.topics.Topics;

/**
 * Reads {@code vigie.notifications.v1} for the alerts taken in hand through an e-mail's link, which
 * only the notifier sees, so that the page and {@code GET /api/v1/alerts} show them taken in hand
 * too. Each batch is applied in one transaction before its offsets are committed; applying one twice
 * changes nothing. The other outcomes (sent, failed…) are the timeline's, read from the topic there.
 */
public final class LinkAcknowledgements implements BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LinkAcknowledgements.class);

  private final Jdbi jdbi;
  private final AlertRepository alerts;
  private final Deserializer<NotificationOutcome> deserializer = Topics.NOTIFICATIONS.valueSerde().deserializer();

  public LinkAcknowledgements(Jdbi jdbi, AlertRepository alerts) {
    this.jdbi = jdbi;
    this.alerts = alerts;
  }

  /** For {@link org.vigie.platform.kafka.IsolatingBatchHandler}: an outcome the database refuses is skipped with a warning. */
  public void refused(ConsumerRecord<String, byte[]> r, Exception error) {
    RecordValues.refused(LOG, "notification outcome", r, DataErrors.sqlState(error));
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    List<NotificationOutcome> acknowledged = RecordValues.decode(records, deserializer, LOG, "notification outcome").stream()
        .filter(o -> o.getState() == NotificationState.ACKNOWLEDGED).toList();
    if (acknowledged.isEmpty()) {
      return;
    }
    jdbi.useTransaction(h -> {
      for (NotificationOutcome o : acknowledged) {
        alerts.acknowledgedByLink(h, o.getAssociationId(), o.getAlertId(), o.getRecipientVolunteerId(),
            o.getRecipientRole() == VolunteerRole.COORDINATOR, o.getAt());
      }
    });
  }
}
