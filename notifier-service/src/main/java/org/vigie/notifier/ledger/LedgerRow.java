package org.vigie.notifier.ledger;

import java.time.Instant;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.VolunteerRole;

/** One ledger row: a notification of an alert to a recipient over a channel. */
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
    Instant sentAt) {}
