package org.vigie.intake.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;

/**
 * Whether the notifier's messages reach each volunteer: the last delivery and the last permanent failure
 * of each channel, from the outcomes it publishes. A channel whose last failure is newer than its last
 * delivery is a problem to show (a mistyped address, a webhook gone): the alerts then go to the other
 * channel or to the coordination, and the volunteer is not told. Outcomes of different alerts come in any
 * order: each keeps the latest of its kind, so the order they are read in changes nothing.
 */
public final class ContactDeliveries {
  /** A failing channel: when it last failed and why (the notifier's words), and when it last delivered, if ever. */
  public record Problem(NotificationChannel channel, Instant failedAt, String detail, Instant lastDeliveredAt) {}

  /**
   * Records the notifier's SENT and FAILED outcomes of a batch: the latest of each per volunteer, channel and
   * state (a batch of a busy day holds many of the same), one statement each.
   */
  public void record(Handle h, Collection<NotificationOutcome> outcomes) {
    record Key(UUID associationId, String volunteerId, NotificationChannel channel, NotificationState state) {}
    Map<Key, NotificationOutcome> latest = new LinkedHashMap<>();
    for (NotificationOutcome o : outcomes) {
      UUID association;
      try {
        association = UUID.fromString(o.getAssociationId());
      } catch (IllegalArgumentException notAnAssociation) {
        continue;
      }
      latest.merge(new Key(association, o.getRecipientVolunteerId(), o.getChannel(), o.getState()), o,
          (a, b) -> b.getAt().isAfter(a.getAt()) ? b : a);
    }
    latest.forEach((k, o) -> {
      if (k.state() == NotificationState.SENT) {
        delivered(h, k.associationId(), k.volunteerId(), k.channel(), o.getAt());
      } else if (k.state() == NotificationState.FAILED) {
        failed(h, k.associationId(), k.volunteerId(), k.channel(), o.getAt(), o.getDetail());
      }
    });
  }

  private void delivered(Handle h, UUID associationId, String volunteerId, NotificationChannel channel, Instant at) {
    h.createUpdate("""
            INSERT INTO contact_deliveries (association_id, volunteer_id, channel, last_sent_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (association_id, volunteer_id, channel)
            DO UPDATE SET last_sent_at = GREATEST(contact_deliveries.last_sent_at, EXCLUDED.last_sent_at)""")
        .bind(0, associationId).bind(1, volunteerId).bind(2, channel.name()).bind(3, Timestamp.from(at)).execute();
  }

  private void failed(Handle h, UUID associationId, String volunteerId, NotificationChannel channel, Instant at, String detail) {
    h.createUpdate("""
            INSERT INTO contact_deliveries (association_id, volunteer_id, channel, last_failed_at, last_failure)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (association_id, volunteer_id, channel) DO UPDATE SET
              last_failure = CASE WHEN contact_deliveries.last_failed_at IS NULL
                OR EXCLUDED.last_failed_at >= contact_deliveries.last_failed_at
                THEN EXCLUDED.last_failure ELSE contact_deliveries.last_failure END,
              last_failed_at = GREATEST(contact_deliveries.last_failed_at, EXCLUDED.last_failed_at)""")
        .bind(0, associationId).bind(1, volunteerId).bind(2, channel.name()).bind(3, Timestamp.from(at))
        .bind(4, detail == null ? "" : detail).execute();
  }

  /** The volunteer's address on this channel changed: what was known of the former one no longer holds. */
  public void forget(Handle h, UUID associationId, UUID volunteerId, NotificationChannel channel) {
    h.createUpdate("DELETE FROM contact_deliveries WHERE association_id = ? AND volunteer_id = ? AND channel = ?")
        .bind(0, associationId).bind(1, volunteerId.toString()).bind(2, channel.name()).execute();
  }

  /** The association's failing channels, by volunteer id. */
  public Map<String, List<Problem>> problems(Handle h, UUID associationId) {
    Map<String, List<Problem>> out = new HashMap<>();
    h.createQuery("""
            SELECT volunteer_id, channel, last_failed_at, last_failure, last_sent_at FROM contact_deliveries
            WHERE association_id = ? AND last_failed_at IS NOT NULL AND (last_sent_at IS NULL OR last_failed_at > last_sent_at)
            ORDER BY volunteer_id, channel""")
        .bind(0, associationId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), new Problem(NotificationChannel.valueOf(rs.getString(2)),
            rs.getTimestamp(3).toInstant(), rs.getString(4),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }
}
