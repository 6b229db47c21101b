package org.vigie.rules.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseState;

/**
 * One evaluation of a case at an instant, recorded in its state: the rules are evaluated on the
 * day of {@code now} (in the rules' zone), the alerts that changed are returned to be emitted, and
 * the state keeps the alerts now open and the instant its answer can next change (the start of
 * that day). The topology and the audit replay both go through here, so they derive the same alerts.
 */
public final class Reconciler {
  // Field positions, looked up once: put(String, ...) searches the schema on every call.
  private static final int OPEN_ALERTS = CaseState.getClassSchema().getField("openAlerts").pos();
  private static final int NEXT_DUE_AT = CaseState.getClassSchema().getField("nextDueAt").pos();
  private final RuleEngine engine;
  private final AlertDiff diff;
  private final ZoneId zone;

  /** Emits alerts with their French and English message, as the rules service does. */
  public Reconciler(RuleEngine engine, ZoneId zone) {
    this(engine, new AlertDiff(engine.rules()), zone);
  }

  private Reconciler(RuleEngine engine, AlertDiff diff, ZoneId zone) {
    this.engine = engine;
    this.diff = diff;
    this.zone = zone;
  }

  /** The same alerts with {@link AlertDiff#NO_TEXT} as message (see {@link AlertDiff#withoutText}). */
  public static Reconciler withoutText(RuleEngine engine, ZoneId zone) {
    return new Reconciler(engine, AlertDiff.withoutText(engine.rules()), zone);
  }

  /** Evaluates the case at {@code now}, records the outcome in {@code state} and returns the alerts to emit. */
  public List<CaseAlert> reconcile(CaseState state, Instant now, RuleSettings settings) {
    return reconcile(state, now, settings, false, false);
  }

  /**
   * As {@link #reconcile(CaseState, Instant, RuleSettings)} after an event was folded into the case:
   * when the event handed the case over to another volunteer ({@code assigneeBefore}, the volunteer
   * assigned before it, differs from the state's), the alerts that stay open are emitted again with
   * the new assignee (see {@link AlertDiff}).
   */
  public List<CaseAlert> reconcileAfterEvent(CaseState state, String assigneeBefore, Instant now, RuleSettings settings) {
    String assignee = state.getAssignedVolunteerId();
    return reconcile(state, now, settings, assignee != null && !assignee.equals(assigneeBefore), false);
  }

  /**
   * As {@link #reconcile(CaseState, Instant, RuleSettings)} when the clock alone calls for it: the case's next
   * change day has come and none of its facts changed. An alert that then ends after its deadline has lapsed (see
   * {@link AlertDiff}).
   */
  public List<CaseAlert> reconcileOnClock(CaseState state, Instant now, RuleSettings settings) {
    return reconcile(state, now, settings, false, true);
  }

  private List<CaseAlert> reconcile(CaseState state, Instant now, RuleSettings settings, boolean handOver, boolean clock) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    Evaluation evaluation = engine.evaluate(state, today, settings);
    AlertDiff.Outcome outcome = diff.apply(state, evaluation, now, handOver, clock ? today : null);
    state.put(OPEN_ALERTS, outcome.open());
    state.put(NEXT_DUE_AT, evaluation.nextChange().map(d -> d.atStartOfDay(zone).toInstant().toEpochMilli()).orElse(null));
    return outcome.emitted();
  }

  /** Forgets the case's due time, once it has come. */
  public static void clearDue(CaseState state) {
    state.put(NEXT_DUE_AT, null);
  }
}
