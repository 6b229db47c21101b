package org.vigie.rules.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.vigie.rules.rule.ImplicitRejectionV3;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;

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
  private static final int RESOLVED_EPISODES = CaseState.getClassSchema().getField("resolvedEpisodes").pos();
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
    return reconcile(state, now, AlertDiff.Occasion.plain(LocalDate.ofInstant(now, zone), settings));
  }

  /**
   * What of a case an event can change that its open alerts are emitted again for, and whether the event is a
   * correction: taken before the event is folded into it ({@code state} null for a case not recorded yet), on the
   * day of {@code now}, with the association's {@code settings}.
   */
  public Before before(CaseState state, CaseEvent event, Instant now, RuleSettings settings) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    return new Before(state == null ? null : state.getAssignedVolunteerId(), CaseView.refused(state, today),
        event.getCorrection() != null, state == null || state.getOpenAlerts().isEmpty() || !movesRejection(event) ? null
            : ImplicitRejectionV3.stage(CaseView.of(state, today), settings));
  }

  /**
   * Whether the event can move the request's implicit rejection to another stage: a submission, an appeal, a
   * decision, or a correction of any event (most events, an API or a CCC attempt, cannot: not looked at for them).
   */
  private static boolean movesRejection(CaseEvent event) {
    Object payload = event.getPayload();
    return event.getCorrection() != null || payload instanceof SubmissionRecorded || payload instanceof DecisionReceived
        || payload instanceof SituationUpdated u && u.getAppeal() != null;
  }

  /**
   * The case's assignee, and whether its request stood refused ({@link CaseView#refused()}), before an event; whether
   * the event corrects or withdraws an earlier one; and the stage of the request's implicit rejection ({@link
   * ImplicitRejectionV3#stage}), null when no alert was open (nothing to emit again then) or the event cannot move
   * it.
   */
  public record Before(String assignee, boolean refused, boolean correction, ImplicitRejectionV3.Stage rejection) {}

  /**
   * As {@link #reconcile(CaseState, Instant, RuleSettings)} after an event was folded into the case, {@code before}
   * ({@link #before}) taken just before: when the event handed the case over to another volunteer, the alerts that
   * stay open are emitted again with the new assignee; when it recorded a refusal, withdrew one or filed a new
   * request, those of the rules whose next steps depend on it ({@link org.vigie.rules.rule.Rule#advisesOnRefusal})
   * are emitted again with their new text (see {@link AlertDiff}); when it moved the request's implicit rejection to
   * another stage (an appeal to the court recorded, a submission dated back), those of the rules whose next steps
   * follow it ({@link org.vigie.rules.rule.Rule#advisesOnRejection}).
   */
  public List<CaseAlert> reconcileAfterEvent(CaseState state, Before before, Instant now, RuleSettings settings) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    String assignee = state.getAssignedVolunteerId();
    boolean handOver = assignee != null && !assignee.equals(before.assignee());
    AlertDiff.Refusal refusal = refusal(before.refused(), CaseView.refused(state, today));
    boolean rejection = before.rejection() != null
        && before.rejection() != ImplicitRejectionV3.stage(CaseView.of(state, today), settings);
    return reconcile(state, now, new AlertDiff.Occasion(today, settings, false, handOver, refusal, before.correction(),
        rejection));
  }

  /**
   * As {@link #reconcile(CaseState, Instant, RuleSettings)} when the clock alone calls for it: the case's next
   * change day has come and none of its facts changed. An alert that then ends after its deadline has lapsed (see
   * {@link AlertDiff}); on the day the request's implicit rejection arises or its time to contest ends, the alerts
   * of the rules whose next steps follow it ({@link org.vigie.rules.rule.Rule#advisesOnRejection}) are emitted again
   * with their new text.
   */
  public List<CaseAlert> reconcileOnClock(CaseState state, Instant now, RuleSettings settings) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    // a refusal, or a new request after one, recorded ahead of its day takes effect on that day, as if recorded then
    return reconcile(state, now, new AlertDiff.Occasion(today, settings, true, false,
        refusal(CaseView.refused(state, today.minusDays(1)), CaseView.refused(state, today)), false,
        rejectionStageChanged(state, today, settings)));
  }

  /**
   * Whether {@code today} moved the case's implicit rejection to another stage, looked at only when an alert is open
   * (nothing to emit again otherwise).
   */
  private static boolean rejectionStageChanged(CaseState state, LocalDate today, RuleSettings settings) {
    return !state.getOpenAlerts().isEmpty()
        && ImplicitRejectionV3.stage(CaseView.of(state, today.minusDays(1)), settings)
            != ImplicitRejectionV3.stage(CaseView.of(state, today), settings);
  }

  private static AlertDiff.Refusal refusal(boolean refusedBefore, boolean refusedNow) {
    return refusedBefore == refusedNow ? AlertDiff.Refusal.UNCHANGED
        : refusedNow ? AlertDiff.Refusal.RECORDED : AlertDiff.Refusal.LIFTED;
  }

  private List<CaseAlert> reconcile(CaseState state, Instant now, AlertDiff.Occasion occasion) {
    Evaluation evaluation = engine.evaluate(state, occasion.today(), occasion.settings());
    AlertDiff.Outcome outcome = diff.apply(state, evaluation, now, occasion);
    state.put(OPEN_ALERTS, outcome.open());
    state.put(RESOLVED_EPISODES, outcome.resolved());
    state.put(NEXT_DUE_AT, evaluation.nextChange().map(d -> d.atStartOfDay(zone).toInstant().toEpochMilli()).orElse(null));
    return outcome.emitted();
  }

  /** Forgets the case's due time, once it has come. */
  public static void clearDue(CaseState state) {
    state.put(NEXT_DUE_AT, null);
  }
}
