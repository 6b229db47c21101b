package org.vigie.notifier.ledger;

import java.time.Instant;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.VolunteerRole;

/**
 * One ledger row: a notification of an alert to a recipient over a channel, in the alert's follow-up cycle {@code cycle}
 * (0 until its case is handed over; see {@link NotificationKey}).
 */
public record LedgerRow(
    long id,
    String key,
    String alertId,
    NotificationKind kind,
    int round,
    NotificationChannel channel,
    String recipientId,
    VolunteerRole recipientRole,
    String state,
    int attempts,
    boolean digest,
    Instant createdAt,
    Instant sentAt,
    int cycle) {

  /** A row of the alert's first cycle. */
  public LedgerRow(long id, String key, String alertId, NotificationKind kind, int round, NotificationChannel channel,
      String recipientId, VolunteerRole recipientRole, String state, int attempts, boolean digest, Instant createdAt,
      Instant sentAt) {
    this(id, key, alertId, kind, round, channel, recipientId, recipientRole, state, attempts, digest, createdAt, sentAt, 0);
  }
}
