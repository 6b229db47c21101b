package org.vigie.audit.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseEvent;

/**
 * Gathers the events of the log (in any order, duplicates tolerated) and computes the anonymous
 * federation statistics, corrections honoured as the rules honour them ({@link CaseFacts}). Memory:
 * the rules' state of each case (its facts: dates, kinds, event ids), no identity. Not thread-safe:
 * feed it from one consumer thread.
 */
public final class FederationStatsCollector implements Consumer<CaseEvent> {
  private final String associationId;
  private final CaseFold fold = new CaseFold();
  private final Map<String, CaseFacts> cases = new HashMap<>();
  private long events;

  /** Every association of the federation. */
  public FederationStatsCollector() {
    this(null);
  }

  /** Only the cases of one association, or all when {@code associationId} is null. */
  public FederationStatsCollector(String associationId) {
    this.associationId = associationId;
  }

  @Override
  public void accept(CaseEvent event) {
    if (associationId != null && !associationId.equals(event.getAssociationId())) {
      return;
    }
    events++;
    cases.computeIfAbsent(event.getCaseId(), id -> new CaseFacts()).add(fold, event);
  }

  public void acceptAll(Iterable<CaseEvent> events) {
    events.forEach(this);
  }

  public long events() {
    return events;
  }

  /** The statistics as of {@code asOf} with cells of fewer than {@code minCases} cases suppressed. */
  public FederationStats compute(LocalDate asOf, int minCases) {
    Objects.requireNonNull(asOf, "asOf");
    if (minCases < 1) {
      throw new IllegalArgumentException("minCases must be at least 1");
    }
    List<CaseFacts> all = List.copyOf(cases.values());
    BlockageTables blockages = BlockageTables.of(all, asOf, minCases);
    return new FederationStats(asOf, minCases, events, all.size(),
        blockages.cells(), blockages.months(),
        StatsTables.daysWithoutApi(all, asOf, minCases),
        StatsTables.timeToDecision(all, asOf, minCases),
        StatsTables.cccAttempts(all, asOf, minCases),
        StatsTables.apiDelays(all, asOf, minCases),
        StatsTables.awaitingDecision(all, asOf, minCases),
        StatsTables.decisions(all, asOf, minCases));
  }

  /**
   * The same figures in the {@code days} from {@code pivot} (fewer when {@code asOf} comes first) and
   * in as many days before it (see {@link PeriodComparison}).
   *
   * @throws IllegalArgumentException when the pivot is after {@code asOf}, or {@code days} out of 1 to
   *     {@link PeriodComparison#MAX_DAYS}
   */
  public PeriodComparison compare(LocalDate pivot, int days, LocalDate asOf, int minCases) {
    Objects.requireNonNull(pivot, "pivot");
    Objects.requireNonNull(asOf, "asOf");
    if (minCases < 1) {
      throw new IllegalArgumentException("minCases must be at least 1");
    }
    return PeriodComparisons.compare(List.copyOf(cases.values()), events, pivot, days, asOf, minCases);
  }

  public FederationStats compute(LocalDate asOf) {
    return compute(asOf, FederationStats.DEFAULT_MIN_CASES);
  }
}
