package org.vigie.rules.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.schemas.AssociationSettings;

/** Per-association rule settings from the global store, merged with the defaults once per settings version. */
final class SettingsCache {
  private final RuleSettings defaults;
  private final ReadOnlyKeyValueStore<String, AssociationSettings> store;
  private final Map<String, Entry> cache = new HashMap<>();

  private record Entry(Instant version, RuleSettings settings) {}

  SettingsCache(RuleSettings defaults, ReadOnlyKeyValueStore<String, AssociationSettings> store) {
    this.defaults = defaults;
    this.store = store;
  }

  RuleSettings forAssociation(String associationId) {
    AssociationSettings current = store.get(associationId);
    if (current == null) {
      cache.remove(associationId);
      return defaults;
    }
    Entry entry = cache.get(associationId);
    if (entry == null || !entry.version().equals(current.getUpdatedAt())) {
      entry = new Entry(current.getUpdatedAt(), defaults.with(current));
      cache.put(associationId, entry);
    }
    return entry.settings();
  }
}
