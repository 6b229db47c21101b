package org.vigie.rules.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigie.schemas.CaseState;

/**
 * The case states of one task as objects, in front of the {@code case-state} store: a bounded,
 * least-recently-used map that saves decoding a state read again soon. The store stays the only
 * truth: every write goes through to it, the map only holds states equal to what the store holds,
 * and the processor drops it whenever the store may have changed behind it (a new {@code init},
 * after a restore or a revival of the task) or a processing step failed half-way.
 */
final class CaseStateCache {
  private final KeyValueStore<String, CaseState> store;
  private final Map<String, CaseState> objects;
  private final int capacity;

  CaseStateCache(KeyValueStore<String, CaseState> store, int capacity) {
    this.store = store;
    this.capacity = capacity;
    this.objects = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CaseState> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The stored state of a case, or null. The object may be updated in place, then {@link #put} or {@link #forget}. */
  CaseState get(String caseId) {
    CaseState state = objects.get(caseId);
    if (state == null) {
      state = store.get(caseId);
      if (state != null) {
        objects.put(caseId, state);
      }
    }
    return state;
  }

  void put(CaseState state) {
    store.put(state.getCaseId(), state);
    objects.put(state.getCaseId(), state);
  }

  /** Keeps a state just read from the store, while there is room. */
  void remember(CaseState state) {
    if (objects.size() < capacity) {
      objects.put(state.getCaseId(), state);
    }
  }

  /** Drops a case whose object may differ from the store (a failed step). */
  void forget(String caseId) {
    objects.remove(caseId);
  }

  int size() {
    return objects.size();
  }
}
