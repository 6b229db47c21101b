package org.vigie.intake.alerts;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.intake.directory.ContactDeliveries;
import org.vigie.platform.db.DataErrors;
import org.vigie.platform.kafka.BatchHandler;
import org.vigie.platform.kafka.RecordValues;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.topics.Topics;

/**
 * Reads {@code vigie.notifications.v1} for what only the notifier sees: the alerts taken in hand
 * through an e-mail's link (so that the page and {@code GET /api/v1/alerts} show them taken in hand
 * too), and the escalations (the delay passed with nobody taking the alert in hand, the coordination
 * told: shown on the alert as {@code escalatedAt} and counted in the activity report), and whether the
 * messages reach each volunteer ({@link ContactDeliveries}: sent, or failed for good). Each batch is applied
 * in one transaction before its offsets are committed; applying one twice changes nothing.
 */
public final class NotifierOutcomes implements BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierOutcomes.class);

  private final Jdbi jdbi;
  private final AlertRepository alerts;
  private final ContactDeliveries deliveries;
  private final Deserializer<NotificationOutcome> deserializer = Topics.NOTIFICATIONS.valueSerde().deserializer();

  public NotifierOutcomes(Jdbi jdbi, AlertRepository alerts, ContactDeliveries deliveries) {
    this.jdbi = jdbi;
    this.alerts = alerts;
    this.deliveries = deliveries;
  }

  /** For {@link org.vigie.platform.kafka.IsolatingBatchHandler}: an outcome the database refuses is skipped with a warning. */
  public void refused(ConsumerRecord<String, byte[]> r, Exception error) {
    RecordValues.refused(LOG, "notification outcome", r, DataErrors.sqlState(error));
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    List<NotificationOutcome> wanted = RecordValues.decode(records, deserializer, LOG, "notification outcome").stream()
        .filter(o -> o.getState() == NotificationState.ACKNOWLEDGED || escalation(o) || delivery(o)).toList();
    if (wanted.isEmpty()) {
      return;
    }
    jdbi.useTransaction(h -> {
      deliveries.record(h, wanted.stream().filter(NotifierOutcomes::delivery).toList());
      for (NotificationOutcome o : wanted) {
        if (escalation(o)) {
          alerts.escalated(h, o.getAssociationId(), o.getAlertId(), o.getAt());
        } else if (o.getState() == NotificationState.ACKNOWLEDGED) {
          alerts.acknowledgedByLink(h, o.getAssociationId(), o.getAlertId(), o.getRecipientVolunteerId(),
              o.getRecipientRole() == VolunteerRole.COORDINATOR, o.getAt());
        }
      }
    });
  }

  /** A message delivered to its recipient, or given up on: whether the recipient's channel works. */
  private static boolean delivery(NotificationOutcome o) {
    return o.getState() == NotificationState.SENT || o.getState() == NotificationState.FAILED;
  }

  /** The escalation delay passed with nobody taking the alert in hand: its message marked escalated, or the coordination told. */
  private static boolean escalation(NotificationOutcome o) {
    return o.getState() == NotificationState.ESCALATED
        || (o.getKind() == NotificationKind.ESCALATION && o.getState() == NotificationState.SENT);
  }
}
