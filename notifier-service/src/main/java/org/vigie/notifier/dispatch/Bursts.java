package org.vigie.notifier.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;

/**
 * Claimed rows as messages: those of one recipient, channel and kind go together, up to
 * {@link #MAX_ITEMS} (a spreadsheet imported at once raises dozens of alerts for one volunteer, then
 * as many reminders and escalations: they come as one e-mail or webhook call each time, not dozens).
 * A digest row stays on its own.
 */
final class Bursts {
  /** Alerts in one message at most. */
  static final int MAX_ITEMS = 50;

  private Bursts() {}

  private record Key(String recipientId, NotificationChannel channel, NotificationKind kind) {}

  /** The rows grouped into messages, each in claim order, the messages in the order of their first row. */
  static List<List<LedgerRow>> of(List<LedgerRow> claimed) {
    Map<Key, List<List<LedgerRow>>> byKey = new LinkedHashMap<>();
    List<List<LedgerRow>> out = new ArrayList<>();
    for (LedgerRow row : claimed) {
      if (row.kind() == NotificationKind.DIGEST) {
        out.add(new ArrayList<>(List.of(row)));
        continue;
      }
      List<List<LedgerRow>> messages = byKey.computeIfAbsent(new Key(row.recipientId(), row.channel(), row.kind()),
          k -> new ArrayList<>());
      if (messages.isEmpty() || messages.get(messages.size() - 1).size() == MAX_ITEMS) {
        List<LedgerRow> message = new ArrayList<>();
        messages.add(message);
        out.add(message);
      }
      messages.get(messages.size() - 1).add(row);
    }
    return out;
  }
}
