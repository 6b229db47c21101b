package org.vigie.notifier.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/** Writes ledger outcomes for {@code vigie.notifications.v1} and dead letters for {@code vigie.notifier.dlq} into the outbox. */
public final class Outcomes {
  public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
  public static final String POISON_RECORD = "POISON_RECORD";

  private final Outbox outbox;
  private final AvroSerde<NotificationOutcome> serde = AvroSerde.of(NotificationOutcome.class);

  public Outcomes(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Records a state change of a ledger row of an alert. */
  public NotificationOutcome record(Handle h, LedgerRow row, AlertView alert, NotificationState state, int attempts,
      Instant at, String detail) {
    NotificationOutcome outcome = of(row, alert, state, attempts, at, detail);
    outbox.add(h, Topics.NOTIFICATIONS.name(), outcome.getAlertId().getBytes(StandardCharsets.UTF_8), serde.encode(outcome));
    return outcome;
  }

  /** Records many outcomes in one round trip. */
  public void recordAll(Handle h, List<NotificationOutcome> all) {
    outbox.addAll(h, Topics.NOTIFICATIONS.name(), all.stream()
        .map(o -> new byte[][] {o.getAlertId().getBytes(StandardCharsets.UTF_8), serde.encode(o)})
        .toList());
  }

  /** The outcome record of a ledger row's state change. */
  public static NotificationOutcome of(LedgerRow row, AlertView alert, NotificationState state, int attempts, Instant at,
      String detail) {
    return NotificationOutcome.newBuilder()
        .setNotificationId(row.key())
        .setAlertId(alert.alertId())
        .setCaseId(alert.caseId())
        .setAssociationId(alert.associationId())
        .setRule(alert.rule())
        .setSeverity(alert.severity())
        .setChannel(row.channel())
        .setKind(row.kind())
        .setRecipientVolunteerId(row.recipientId())
        .setRecipientRole(row.recipientRole())
        .setState(state)
        .setAttempts(attempts)
        .setAt(at)
        .setDetail(detail)
        .build();
  }

  /** A permanent delivery failure goes to the dead-letter topic as its outcome record. */
  public void deadLetter(Handle h, NotificationOutcome failed, String error) {
    outbox.add(h, Topics.NOTIFIER_DLQ.name(), failed.getAlertId().getBytes(StandardCharsets.UTF_8),
        serde.encode(failed), DELIVERY_FAILED, error);
  }

  /** A record that cannot be processed goes to the dead-letter topic unchanged. */
  public void poison(Handle h, byte[] key, byte[] value, String error) {
    outbox.add(h, Topics.NOTIFIER_DLQ.name(), key, value == null ? new byte[0] : value, POISON_RECORD, error);
  }
}
