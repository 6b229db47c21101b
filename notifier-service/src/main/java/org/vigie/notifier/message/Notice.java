package org.vigie.notifier.message;

import java.time.Instant;
import java.util.List;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.ledger.LedgerRow;

/**
 * What one ledger row delivers: to whom, about which alerts (one, or several for a digest), each
 * with its signed acknowledgement link (null when there is nothing to acknowledge).
 */
public record Notice(LedgerRow row, Contact recipient, List<Item> items, Instant at) {
  public record Item(AlertView alert, String ackUrl, Instant ackExpiresAt) {}

  public Notice {
    items = List.copyOf(items);
  }
}
