package org.vigie.notifier.ledger;

import java.time.Instant;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.VolunteerRole;

/** A notification to record as PENDING, in the alert's follow-up cycle {@code cycle} (see {@link NotificationKey}). */
public record NewNotification(
    String alertId,
    int cycle,
    NotificationKind kind,
    int round,
    NotificationChannel channel,
    String recipientId,
    VolunteerRole recipientRole,
    boolean digest,
    Instant due) {

  public String key() {
    return NotificationKey.of(alertId, cycle, kind, round, channel, recipientId);
  }
}
