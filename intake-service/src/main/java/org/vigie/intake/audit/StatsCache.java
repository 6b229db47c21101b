package org.vigie.intake.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The last statistics computed for each key, recomputed when older than {@code maxAge}: a
 * computation scans the whole event log. Concurrent callers wait for one computation instead of
 * starting several. At most {@code maxEntries} keys are kept, the least recently read dropped first.
 */
final class StatsCache<K, V> {
  private final Function<K, V> compute;
  private final Supplier<Instant> now;
  private final Duration maxAge;
  private final Map<K, Computed<V>> entries;

  private record Computed<V>(V value, Instant at) {}

  StatsCache(Function<K, V> compute, Supplier<Instant> now, Duration maxAge, int maxEntries) {
    this.compute = compute;
    this.now = now;
    this.maxAge = maxAge;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Computed<V>> eldest) {
        return size() > maxEntries;
      }
    };
  }

  synchronized V get(K key) {
    Instant t = now.get();
    Computed<V> last = entries.get(key);
    if (last == null || !t.isBefore(last.at().plus(maxAge))) {
      last = new Computed<>(compute.apply(key), t);
      entries.put(key, last);
    }
    return last.value();
  }
}
