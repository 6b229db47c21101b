package org.vigie.notifier.message;

import java.time.Instant;
import java.util.List;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.ledger.LedgerRow;

/**
 * What one message delivers: to whom, about which alerts (one; several for a digest, or for rows of
 * one recipient and kind due together), each with its signed acknowledgement link (null when there
 * is nothing to acknowledge). {@code row} is the row whose ids the message carries.
 */
public record Notice(LedgerRow row, Contact recipient, List<Item> items, Instant at) {
  public record Item(AlertView alert, String ackUrl, Instant ackExpiresAt) {}

  public Notice {
    items = List.copyOf(items);
  }
}
