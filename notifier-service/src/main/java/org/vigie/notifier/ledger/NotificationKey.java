package org.vigie.notifier.ledger;

import org.vigie.platform.crypto.Sha256;
import java.util.HexFormat;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;

/**
 * The ledger's unique key: alert, kind, round, channel, recipient and, from the first hand-over of the alert's case on,
 * its follow-up cycle. Ids seen outside (email Message-ID, webhook-id) are derived from it, so a resend carries the
 * same id and receivers can drop the duplicate.
 *
 * <p>Each hand-over starts a cycle (the volunteer now following the case told, reminded, the coordinators told if
 * nobody takes the alert in hand) whose rows would otherwise have the keys of a cycle before: a coordinator escalated
 * to before the hand-over, a volunteer the case comes back to (A, B, then A again). The cycle is counted from the
 * alert's records ({@code AlertStore}), the same for a record read again, so a redelivery or a replay adds nothing.
 * Cycle 0's keys are those of the rows recorded before cycles were counted, unchanged.
 */
public final class NotificationKey {
  private NotificationKey() {}

  /** The key of a row of the alert's first cycle (before any hand-over of its case). */
  public static String of(String alertId, NotificationKind kind, int round, NotificationChannel channel, String recipientId) {
    return of(alertId, 0, kind, round, channel, recipientId);
  }

  /** The key of a row of the alert's follow-up cycle {@code cycle} (0 until its case is handed over). */
  public static String of(String alertId, int cycle, NotificationKind kind, int round, NotificationChannel channel,
      String recipientId) {
    String key = alertId + "|" + kind.name() + "|" + round + "|" + channel.name() + "|" + recipientId;
    return cycle == 0 ? key : key + "|" + cycle;
  }

  /** A stable opaque digest of the key (hex, 32 characters). */
  public static String digest(String key) {
    return HexFormat.of().formatHex(Sha256.of(key), 0, 16);
  }

  /** RFC 5322 Message-ID for the email of a ledger row. */
  public static String messageId(String key, String domain) {
    return "<vigie." + digest(key) + "@" + domain + ">";
  }

  /** Standard Webhooks {@code webhook-id} of a ledger row. */
  public static String webhookId(String key) {
    return "msg_" + digest(key);
  }
}
