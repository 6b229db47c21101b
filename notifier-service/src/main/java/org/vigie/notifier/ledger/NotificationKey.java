package org.vigie.notifier.ledger;

import org.vigie.platform.crypto.Sha256;
import java.util.HexFormat;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;

/**
 * The ledger's unique key: alert, kind, round, channel and recipient. Ids seen outside (email
 * Message-ID, webhook-id) are derived from it, so a resend carries the same id and receivers can
 * drop the duplicate.
 */
public final class NotificationKey {
  private NotificationKey() {}

  public static String of(String alertId, NotificationKind kind, int round, NotificationChannel channel, String recipientId) {
    return alertId + "|" + kind.name() + "|" + round + "|" + channel.name() + "|" + recipientId;
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
