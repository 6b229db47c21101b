package org.vigie.rules.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.state.CaseFold;

/**
 * What the topology is built from.
 *
 * @param engine the rules
 * @param zone the zone of domain dates (Europe/Paris): a case is due at the start of its next change day there
 * @param tickInterval how often the wall-clock punctuator looks for due cases
 * @param maxCasesPerTick bound on the cases one tick re-evaluates (due ones first, then settings changes)
 * @param clock the rules' clock; null to use the Kafka Streams wall clock, which TopologyTestDriver's
 *     {@code advanceWallClockTime} drives
 * @param persistentStores RocksDB for case-state and settings-progress (production); false for in-memory
 *     ones, restored from their changelog at each start (tests, and a bench option). Both are logged to
 *     their changelog topic; the two indexes are in memory either way
 * @param cachedCasesPerTask case states each task keeps decoded in memory, least recently used first out
 *     (0: none); a few KB of heap each
 * @param maxStateBytes the largest case state stored (see {@link CaseStateSerde#DEFAULT_MAX_BYTES})
 */
public record RulesConfig(RuleEngine engine, ZoneId zone, Duration tickInterval, int maxCasesPerTick, Clock clock,
    boolean persistentStores, int cachedCasesPerTask, int maxStateBytes) {
  public static final ZoneId PARIS = CaseFold.PARIS;
  /** With the 12 partitions of the case events, up to 120k states, some hundreds of MB of heap. */
  public static final int DEFAULT_CACHED_CASES_PER_TASK = 10_000;

  public RulesConfig {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(tickInterval, "tickInterval");
    if (maxCasesPerTick < 1) {
      throw new IllegalArgumentException("maxCasesPerTick must be at least 1");
    }
    if (cachedCasesPerTask < 0) {
      throw new IllegalArgumentException("cachedCasesPerTask must not be negative");
    }
    if (maxStateBytes < 1) {
      throw new IllegalArgumentException("maxStateBytes must be at least 1");
    }
  }

  public static RulesConfig defaults() {
    return new RulesConfig(RuleEngine.standard(), PARIS, Duration.ofMinutes(1), 2_000, null, true,
        DEFAULT_CACHED_CASES_PER_TASK, CaseStateSerde.DEFAULT_MAX_BYTES);
  }

  public RulesConfig withTickInterval(Duration interval) {
    return new RulesConfig(engine, zone, interval, maxCasesPerTick, clock, persistentStores,
        cachedCasesPerTask, maxStateBytes);
  }

  public RulesConfig withMaxCasesPerTick(int max) {
    return new RulesConfig(engine, zone, tickInterval, max, clock, persistentStores, cachedCasesPerTask,
        maxStateBytes);
  }

  public RulesConfig withClock(Clock newClock) {
    return new RulesConfig(engine, zone, tickInterval, maxCasesPerTick, newClock, persistentStores,
        cachedCasesPerTask, maxStateBytes);
  }

  public RulesConfig withInMemoryStores() {
    return withPersistentStores(false);
  }

  /** RocksDB stores (true) or in-memory ones (false). */
  public RulesConfig withPersistentStores(boolean persistent) {
    return new RulesConfig(engine, zone, tickInterval, maxCasesPerTick, clock, persistent, cachedCasesPerTask,
        maxStateBytes);
  }

  public RulesConfig withEngine(RuleEngine newEngine) {
    return new RulesConfig(newEngine, zone, tickInterval, maxCasesPerTick, clock, persistentStores,
        cachedCasesPerTask, maxStateBytes);
  }

  public RulesConfig withMaxStateBytes(int max) {
    return new RulesConfig(engine, zone, tickInterval, maxCasesPerTick, clock, persistentStores,
        cachedCasesPerTask, max);
  }

  public RulesConfig withCachedCasesPerTask(int cached) {
    return new RulesConfig(engine, zone, tickInterval, maxCasesPerTick, clock, persistentStores, cached,
        maxStateBytes);
  }
}
