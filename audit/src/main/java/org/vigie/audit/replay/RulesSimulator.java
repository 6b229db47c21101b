package org.vigie.audit.replay;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vigie.rules.engine.Reconciler;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;

/**
 * The rules-service's per-case processing with a simulated clock, built from the same pure classes
 * ({@link CaseFold}, {@link RuleEngine}, {@link Reconciler}): before an event is applied at its
 * recording time, the case is re-evaluated at the start (in {@code zone}) of every change day that
 * has come since, as the live wall-clock punctuator does; then the event is folded and the case
 * evaluated again. Alert ids come from the engine, so they equal the live ones. The alerts carry no
 * message ({@code AlertDiff.NO_TEXT}): a replay reports which alerts and when, and writing every
 * message cost it more than the rules themselves; the text of an alert is its live record's.
 */
public final class RulesSimulator {
  private final Reconciler reconciler;
  private final CaseFold fold;
  private final Function<String, RuleSettings> settings;
  private long evaluations;

  /** @param settings the rule settings of an association (its overrides over the engine's defaults) */
  public RulesSimulator(RuleEngine engine, Function<String, RuleSettings> settings, ZoneId zone) {
    this.reconciler = Reconciler.withoutText(engine, zone);
    this.fold = new CaseFold(zone);
    this.settings = settings;
  }

  /** A case's state between events, with the simulated time it was last evaluated. */
  public static final class CaseRun {
    private CaseState state;
    private Instant clock = Instant.EPOCH;

    public CaseState state() {
      return state;
    }
  }

  /** Steps the case through its due days up to the event's recording time, then applies the event. */
  public List<CaseAlert> apply(CaseRun run, CaseEvent event) {
    Instant now = event.getRecordedAt().isAfter(run.clock) ? event.getRecordedAt() : run.clock;
    List<CaseAlert> emitted = new ArrayList<>();
    advance(run, now, emitted);
    Reconciler.Before before = reconciler.before(run.state, event, now,
        settings.apply(run.state == null ? event.getAssociationId() : run.state.getAssociationId()));
    run.state = fold.apply(run.state, event);
    reconcile(run, now, false, before, emitted);
    return emitted;
  }

  /** Steps the case through every due day up to {@code until} (inclusive). */
  public List<CaseAlert> advance(CaseRun run, Instant until) {
    List<CaseAlert> emitted = new ArrayList<>();
    advance(run, until, emitted);
    return emitted;
  }

  private void advance(CaseRun run, Instant until, List<CaseAlert> emitted) {
    while (run.state != null && run.state.getNextDueAt() != null && run.state.getNextDueAt() <= until.toEpochMilli()) {
      Instant due = Instant.ofEpochMilli(run.state.getNextDueAt());
      Reconciler.clearDue(run.state);
      // the clock alone: nothing handed over, and an alert ending past its deadline has lapsed, as live
      reconcile(run, due.isAfter(run.clock) ? due : run.clock, true, null, emitted);
    }
  }

  /** Evaluations of a case so far (one per event and per due day stepped through). */
  public long evaluations() {
    return evaluations;
  }

  /**
   * Evaluates the case at {@code now}: {@code onClock}, because its due day came (see
   * {@link Reconciler#reconcileOnClock}), else after an event ({@code before}: see
   * {@link Reconciler#reconcileAfterEvent}).
   */
  private void reconcile(CaseRun run, Instant now, boolean onClock, Reconciler.Before before, List<CaseAlert> emitted) {
    evaluations++;
    RuleSettings rules = settings.apply(run.state.getAssociationId());
    emitted.addAll(onClock ? reconciler.reconcileOnClock(run.state, now, rules)
        : reconciler.reconcileAfterEvent(run.state, before, now, rules));
    run.clock = now;
  }
}
