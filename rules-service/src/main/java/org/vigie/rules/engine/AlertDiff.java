package org.vigie.rules.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigie.rules.rule.Message;
import org.vigie.rules.rule.ResolutionTexts;
import org.vigie.rules.rule.Rule;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.OpenAlert;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.ResolvedEpisode;
import org.vigie.schemas.RuleId;

/**
 * Turns an evaluation into alerts by comparing it with the alerts already open on the case:
 * <ul>
 *   <li>a condition with no open alert for its rule is RAISED;</li>
 *   <li>a condition whose severity rose above the open alert's is RAISED again with the same alert id
 *       and the higher severity (an escalation; a severity that falls is not re-emitted);</li>
 *   <li>a condition whose deadline moved within the same episode (a decision corrected with the last day it
 *       states, an association's shorter threshold) is RAISED again with the same alert id, its severity kept
 *       and the new deadline (an update): the volunteer's list must not show a day that is no longer the
 *       deadline;</li>
 *   <li>an open alert whose rule no longer holds is RESOLVED;</li>
 *   <li>a rule that still holds but in a new episode (another episode start, hence another id) is
 *       RESOLVED then RAISED under the new id;</li>
 *   <li>when the case has just been handed over to another volunteer, every alert that stays open is
 *       RAISED again with its id, severity and dates unchanged and the new assignee (a hand-over): the
 *       volunteer now following the case is told of it, and its reminders go to them;</li>
 *   <li>when the request has just been refused, or no longer is (the refusal withdrawn, a new request filed),
 *       every alert that stays open of a rule whose next steps depend on it ({@link Rule#advisesOnRefusal}) is
 *       RAISED again with its id, severity and dates unchanged and its new text.</li>
 * </ul>
 * So for one case and rule there is at most one open alert id at a time, and an id once resolved is never raised
 * again: the id of a new alert counts the alerts of its rule and episode start resolved on the case before it
 * ({@link AlertIds}), so a condition that comes back with the same episode start (a new request after a refusal,
 * benefits received again) is a new alert, which its consumers tell anew. A RESOLVED record says why
 * ({@link Resolution}): only an alert whose situation ended is told as an end, the others as closed by a refusal,
 * by the appeal they called for, by the case no longer followed, by the rule disabled, or by their deadline passed.
 */
public final class AlertDiff {
  private static final int RULES = RuleId.values().length;
  /** The message of alerts derived without text: {@link #withoutText}. */
  public static final AlertMessage NO_TEXT = new AlertMessage("", "");
  private final Map<RuleId, Rule> rules = new EnumMap<>(RuleId.class);
  private final boolean text;

  /** Alerts with their French and English message, as the rules service emits them. */
  public AlertDiff(List<Rule> rules) {
    this(rules, true);
  }

  private AlertDiff(List<Rule> rules, boolean text) {
    rules.forEach(r -> this.rules.put(r.id(), r));
    this.text = text;
  }

  /**
   * The same alerts (ids, rules, severities, dates, status) with {@link #NO_TEXT} as message: for
   * the audit replay, which reports which alerts and when, and spends most of its time otherwise
   * writing messages nobody reads.
   */
  public static AlertDiff withoutText(List<Rule> rules) {
    return new AlertDiff(rules, false);
  }

  /**
   * The alerts open after the evaluation, the alerts to emit, in order, and the episodes resolved on the case
   * ({@code resolved}: the state's own list when none was).
   */
  public record Outcome(List<OpenAlert> open, List<CaseAlert> emitted, List<ResolvedEpisode> resolved) {
    public boolean changed() {
      return !emitted.isEmpty();
    }
  }

  private static final Outcome UNCHANGED_EMPTY = new Outcome(List.of(), List.of(), List.of());

  public Outcome apply(CaseState state, Evaluation evaluation, Instant now) {
    return apply(state, evaluation, now, Occasion.plain(LocalDate.ofInstant(now, ZoneOffset.UTC), null));
  }

  /**
   * Whether the event just folded recorded a refusal of the request, withdrew one (or filed a new request), or
   * neither; on the clock, whether a refusal recorded ahead of its day took effect today.
   */
  public enum Refusal { UNCHANGED, RECORDED, LIFTED }

  /**
   * What the evaluation was made for: {@code today}, the day evaluated; {@code settings}, the association's (null:
   * none disabled); {@code clock}, the clock alone called for it (the case's next change day came, no fact
   * changed); {@code handOver}, the case's assignee has just changed; {@code refusal}, what the event (or the day)
   * did to the request's refusal; {@code correction}, the event corrected or withdrew an earlier one; {@code
   * rejection}, the day moved the request's implicit rejection to another stage ({@link
   * org.vigie.rules.rule.ImplicitRejectionV3#stage}: it arose, or its time to contest ended).
   */
  public record Occasion(LocalDate today, RuleSettings settings, boolean clock, boolean handOver, Refusal refusal,
      boolean correction, boolean rejection) {
    public static Occasion plain(LocalDate today, RuleSettings settings) {
      return new Occasion(today, settings, false, false, Refusal.UNCHANGED, false, false);
    }
  }

  /**
   * As {@link #apply(CaseState, Evaluation, Instant)} on an {@code occasion}. An alert that ends after its deadline on
   * an evaluation the clock alone called for has lapsed: its time ran out with nothing recorded that would have
   * resolved it. Every RESOLVED record says why ({@link Resolution}, {@link #resolution}).
   */
  public Outcome apply(CaseState state, Evaluation evaluation, Instant now, Occasion occasion) {
    List<OpenAlert> openAlerts = state.getOpenAlerts();
    List<ActiveCondition> conditions = evaluation.conditions();
    List<ResolvedEpisode> resolvedEpisodes = state.getResolvedEpisodes();
    if (openAlerts.isEmpty() && conditions.isEmpty()) {
      return resolvedEpisodes.isEmpty() ? UNCHANGED_EMPTY : new Outcome(List.of(), List.of(), resolvedEpisodes);
    }
    // Indexed by rule ordinal: at most one open alert and one condition per rule.
    OpenAlert[] open = new OpenAlert[RULES];
    ActiveCondition[] active = new ActiveCondition[RULES];
    openAlerts.forEach(a -> open[a.getRule().ordinal()] = a);
    conditions.forEach(c -> active[c.condition().rule().ordinal()] = c);
    List<CaseAlert> emitted = new ArrayList<>(2);
    List<OpenAlert> stillOpen = new ArrayList<>(conditions.size());
    for (OpenAlert alert : open) {
      if (alert == null) {
        continue;
      }
      ActiveCondition c = active[alert.getRule().ordinal()];
      if (c == null || !c.sameEpisode(alert.getEpisodeStart())) {
        boolean lapsed = c == null && occasion.clock() && alert.getDeadline() != null
            && occasion.today().isAfter(alert.getDeadline());
        emitted.add(resolved(state, alert, now, resolution(state, alert, lapsed, occasion)));
        resolvedEpisodes = oneMoreResolved(resolvedEpisodes, alert);
      }
    }
    for (ActiveCondition c : active) {
      if (c == null) {
        continue;
      }
      OpenAlert alert = open[c.condition().rule().ordinal()];
      if (alert == null || !c.sameEpisode(alert.getEpisodeStart())) {
        RuleId rule = c.condition().rule();
        LocalDate start = c.condition().episodeStart();
        OpenAlert raised = new OpenAlert(rule, c.alertId(resolvedBefore(resolvedEpisodes, rule, start)), start,
            c.condition().severity(), now, c.condition().deadline());
        emitted.add(raised(state, c, raised, now));
        stillOpen.add(raised);
      } else if (c.condition().severity().compareTo(alert.getSeverity()) > 0) {
        OpenAlert escalated = new OpenAlert(alert.getRule(), alert.getAlertId(), alert.getEpisodeStart(),
            c.condition().severity(), alert.getRaisedAt(), c.condition().deadline());
        emitted.add(raised(state, c, escalated, now));
        stillOpen.add(escalated);
      } else if (!Objects.equals(c.condition().deadline(), alert.getDeadline())) {
        OpenAlert updated = new OpenAlert(alert.getRule(), alert.getAlertId(), alert.getEpisodeStart(),
            alert.getSeverity(), alert.getRaisedAt(), c.condition().deadline());
        emitted.add(raised(state, c, updated, now));
        stillOpen.add(updated);
      } else {
        if (occasion.handOver()
            || occasion.refusal() != Refusal.UNCHANGED && rules.get(alert.getRule()).advisesOnRefusal()
            || occasion.rejection() && rules.get(alert.getRule()).advisesOnRejection()) {
          emitted.add(raised(state, c, alert, now));
        }
        stillOpen.add(alert);
      }
    }
    // Nothing emitted means every open alert is kept as it was: keep the state's list itself, so an
    // unchanged case allocates no new one (its cached state then points at nothing newer).
    return emitted.isEmpty() ? new Outcome(openAlerts, emitted, resolvedEpisodes)
        : new Outcome(stillOpen, emitted, resolvedEpisodes);
  }

  /** The episodes a case keeps resolved (the latest): enough for any real case's history, and a state bounded. */
  static final int KEPT_RESOLVED_EPISODES = 32;

  /**
   * How many alerts of {@code rule} and {@code episodeStart} were resolved on the case: the next one's id takes the
   * count ({@link AlertIds}), so that it is a new alert.
   */
  private static int resolvedBefore(List<ResolvedEpisode> resolved, RuleId rule, LocalDate episodeStart) {
    for (int i = 0; i < resolved.size(); i++) {
      ResolvedEpisode e = resolved.get(i);
      if (e.getRule() == rule && e.getEpisodeStart().equals(episodeStart)) {
        return e.getResolved();
      }
    }
    return 0;
  }

  /**
   * The episodes with one more alert of {@code alert}'s rule and episode start resolved, last, the oldest dropped past
   * {@link #KEPT_RESOLVED_EPISODES} (a new list: the state's is left as it was).
   */
  private static List<ResolvedEpisode> oneMoreResolved(List<ResolvedEpisode> resolved, OpenAlert alert) {
    List<ResolvedEpisode> kept = new ArrayList<>(resolved.size() + 1);
    int count = 1;
    for (ResolvedEpisode e : resolved) {
      if (e.getRule() == alert.getRule() && e.getEpisodeStart().equals(alert.getEpisodeStart())) {
        count = e.getResolved() + 1;
      } else {
        kept.add(e);
      }
    }
    kept.add(new ResolvedEpisode(alert.getRule(), alert.getEpisodeStart(), count));
    return kept.size() > KEPT_RESOLVED_EPISODES
        ? new ArrayList<>(kept.subList(kept.size() - KEPT_RESOLVED_EPISODES, kept.size())) : kept;
  }

  private CaseAlert raised(CaseState state, ActiveCondition c, OpenAlert alert, Instant now) {
    AlertMessage message = NO_TEXT;
    if (text) {
      Message built = c.condition().message(); // built on each call: once per alert
      message = new AlertMessage(built.fr(), built.en());
    }
    return alert(state, alert, AlertStatus.RAISED, now, c.reference(), c.textVersionDate(), c.ruleVersion(), message, null);
  }

  /**
   * Why an open alert ends: the case no longer followed; a refusal just recorded (or taking effect today), which ends
   * what was watched before it; a fact corrected or withdrawn (recorded by mistake); its deadline passed (on the clock
   * alone) with nothing recorded; its rule disabled by the association; the appeal to the court it called for (the
   * rule's {@link Rule#appealEnding}); otherwise the situation ended.
   */
  private Resolution resolution(CaseState state, OpenAlert alert, boolean lapsed, Occasion occasion) {
    if (state.getErased() || state.getClosed() != null) {
      return Resolution.CASE_CLOSED;
    }
    if (occasion.refusal() == Refusal.RECORDED) {
      return Resolution.REQUEST_REFUSED;
    }
    if (occasion.correction()) {
      return Resolution.FACT_CORRECTED;
    }
    if (lapsed) {
      return Resolution.DEADLINE_PASSED;
    }
    if (occasion.settings() != null && !occasion.settings().enabled(alert.getRule())) {
      return Resolution.RULE_DISABLED;
    }
    Rule rule = rules.get(alert.getRule());
    return rule.appealEnding(state, occasion.today(), alert.getEpisodeStart(), alert.getDeadline()).isPresent()
        ? Resolution.APPEAL_FILED : Resolution.SITUATION_ENDED;
  }

  private CaseAlert resolved(CaseState state, OpenAlert alert, Instant now, Resolution why) {
    Rule rule = rules.get(alert.getRule());
    AlertMessage message = text ? ResolutionTexts.message(state, alert, why) : NO_TEXT;
    return alert(state, alert, AlertStatus.RESOLVED, now, rule.reference(), rule.textVersionDate(), rule.version(),
        message, why);
  }

  private static CaseAlert alert(CaseState state, OpenAlert alert, AlertStatus status, Instant now, String reference,
      LocalDate textVersionDate, String ruleVersion, AlertMessage message, Resolution resolution) {
    // every field is given, so the constructor (the builder validates and resolves defaults per field)
    return new CaseAlert(alert.getAlertId(), state.getCaseId(), state.getAssociationId(), alert.getRule(),
        alert.getSeverity(), status, alert.getEpisodeStart(), alert.getRaisedAt(), now, alert.getDeadline(),
        state.getAssignedVolunteerId(), reference, textVersionDate, ruleVersion, message,
        resolution == Resolution.DEADLINE_PASSED, resolution);
  }
}
