package org.vigie.notifier.ledger;

import java.time.Instant;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.VolunteerRole;

/** A notification to record as PENDING. */
public record NewNotification(
    String alertId,
    NotificationKind kind,
    int round,
    NotificationChannel channel,
    String recipientId,
    VolunteerRole recipientRole,
    boolean digest,
    Instant due) {

  public String key() {
    return NotificationKey.of(alertId, kind, round, channel, recipientId);
  }
}
