package org.vigie.notifier.message;

import java.time.Instant;
import java.util.List;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.ledger.LedgerRow;

/**
 * What one message delivers: to whom, about which alerts (one; several for a digest, or for rows of
 * one recipient and kind due together), each with its signed acknowledgement link (null when there
 * is nothing to acknowledge). {@code row} is the row whose ids the message carries. {@code threadKey}: the
 * ledger key whose ids the recipient's first message about these alerts carried, which this one follows up
 * (a mail answers it: same conversation); null when this message starts a conversation.
 */
public record Notice(LedgerRow row, Contact recipient, List<Item> items, Instant at, String threadKey) {
  /** A message that follows up none. */
  public Notice(LedgerRow row, Contact recipient, List<Item> items, Instant at) {
    this(row, recipient, items, at, null);
  }

  /** This message, following up the one whose ledger key is {@code threadKey} (null: none). */
  public Notice following(String threadKey) {
    return new Notice(row, recipient, items, at, threadKey);
  }

  /**
   * @param handedOver the alert was open on a case just handed over to the recipient, and sent before to someone else
   * @param standingIn the recipient gets it in place of the volunteer following the case, who is away; null otherwise
   * @param followedBy for a coordinator told that nobody took the alert in hand: who follows the case (and whether they
   *     are away); null otherwise
   */
  public record Item(AlertView alert, String ackUrl, Instant ackExpiresAt, boolean handedOver, StandIn standingIn,
      StandIn followedBy) {
    public Item(AlertView alert, String ackUrl, Instant ackExpiresAt) {
      this(alert, ackUrl, ackExpiresAt, false, null, null);
    }

    public Item(AlertView alert, String ackUrl, Instant ackExpiresAt, boolean handedOver) {
      this(alert, ackUrl, ackExpiresAt, handedOver, null, null);
    }

    public Item(AlertView alert, String ackUrl, Instant ackExpiresAt, boolean handedOver, StandIn standingIn) {
      this(alert, ackUrl, ackExpiresAt, handedOver, standingIn, null);
    }
  }

  /** The volunteer following the case, away until {@code until} included (null: not away). */
  public record StandIn(String name, java.time.LocalDate until) {}

  public Notice {
    items = List.copyOf(items);
  }
}
