package org.vigie.audit.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigie.audit.stats.FederationStats.ApiDelayCell;
import org.vigie.audit.stats.FederationStats.ApiGapCell;
import org.vigie.audit.stats.FederationStats.AwaitingDecisionCell;
import org.vigie.audit.stats.FederationStats.CccCell;
import org.vigie.audit.stats.FederationStats.DecisionCell;
import org.vigie.audit.stats.FederationStats.DecisionDelayCell;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.rule.AppealDeadlineV6;
import org.vigie.rules.rule.ImplicitRejection;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.RuleId;

/**
 * The tables per department other than the blockages': each cell is suppressed on its own count of cases, and
 * within the decisions' cell, whose figures add up, as {@link SmallCellSuppression} does for published totals.
 */
final class StatsTables {
  /** The implicit-rejection rule's default thresholds: its silence is the one the statistics count. */
  private static final RuleSettings SILENCE = RuleSettings.defaults(List.of(new ImplicitRejection()));
  /** The times to contest a refusal as the law sets them (the current rule's defaults, not an association's). */
  private static final RuleSettings APPEAL_TIMES = RuleSettings.defaults(List.of(new AppealDeadlineV6()));

  private StatsTables() {}

  private record DepartmentMonth(String department, String month) implements Comparable<DepartmentMonth> {
    @Override
    public int compareTo(DepartmentMonth o) {
      int c = month.compareTo(o.month);
      return c != 0 ? c : department.compareTo(o.department);
    }
  }

  /** Per case: number of days without API in each month; a month counts the case once. */
  static List<ApiGapCell> daysWithoutApi(List<CaseFacts> all, LocalDate asOf, int minCases) {
    Map<DepartmentMonth, int[]> cells = new TreeMap<>(); // {cases, days}
    for (CaseFacts facts : all) {
      Map<String, Integer> daysByMonth = new TreeMap<>();
      facts.forEachDayWithoutValidApi(asOf, day -> daysByMonth.merge(YearMonth.from(day).toString(), 1, Integer::sum));
      daysByMonth.forEach((month, days) -> {
        int[] cell = cells.computeIfAbsent(new DepartmentMonth(facts.departmentOrUnknown(), month), k -> new int[2]);
        cell[0]++;
        cell[1] += days;
      });
    }
    List<ApiGapCell> out = new ArrayList<>();
    cells.forEach((k, v) -> out.add(v[0] < minCases
        ? new ApiGapCell(k.department(), k.month(), null, null, true)
        : new ApiGapCell(k.department(), k.month(), v[0], v[1], false)));
    return out;
  }

  static List<DecisionDelayCell> timeToDecision(List<CaseFacts> all, LocalDate asOf, int minCases) {
    Map<String, List<Integer>> delays = new TreeMap<>();
    for (CaseFacts facts : all) {
      LocalDate submitted = facts.firstSubmission();
      LocalDate decided = submitted == null ? null : facts.firstDecisionAfter(submitted);
      if (decided != null && !decided.isAfter(asOf)) {
        delays.computeIfAbsent(facts.departmentOrUnknown(), k -> new ArrayList<>())
            .add((int) ChronoUnit.DAYS.between(submitted, decided));
      }
    }
    List<DecisionDelayCell> out = new ArrayList<>();
    delays.forEach((department, values) -> {
      if (values.size() < minCases) {
        out.add(new DecisionDelayCell(department, null, null, null, null, true));
      } else {
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        out.add(new DecisionDelayCell(department, sorted.length, mean(sorted), percentile(sorted, 50),
            percentile(sorted, 90), false));
      }
    });
    return out;
  }

  static List<CccCell> cccAttempts(List<CaseFacts> all, LocalDate asOf, int minCases) {
    Map<String, List<List<CccAttemptFact>>> byDepartment = new TreeMap<>();
    for (CaseFacts facts : all) {
      List<CccAttemptFact> attempts = facts.cccAttempts().stream().filter(a -> !a.getAttemptedOn().isAfter(asOf)).toList();
      if (!attempts.isEmpty()) {
        byDepartment.computeIfAbsent(facts.departmentOrUnknown(), k -> new ArrayList<>()).add(attempts);
      }
    }
    List<CccCell> out = new ArrayList<>();
    byDepartment.forEach((department, cases) -> {
      if (cases.size() < minCases) {
        out.add(new CccCell(department, null, null, null, null, null, true));
        return;
      }
      int[] perCase = cases.stream().mapToInt(List::size).sorted().toArray();
      long unanswered = cases.stream().flatMap(List::stream)
          .filter(a -> a.getOutcome() == CccOutcome.NO_ANSWER || a.getOutcome() == CccOutcome.AUTOMATED_REPLY).count();
      int attempts = Arrays.stream(perCase).sum();
      out.add(new CccCell(department, perCase.length, attempts, mean(perCase), percentile(perCase, 50),
          round((double) unanswered / attempts, 3), false));
    });
    return out;
  }

  /**
   * Per department, the renewals filed by {@code asOf}: days from the filing to the first API, and the
   * renewals still waiting for one (no API, no decision, still followed) with how long they have waited.
   * A renewal decided before any API was issued counts in neither (the API was no longer owed).
   */
  static List<ApiDelayCell> apiDelays(List<CaseFacts> all, LocalDate asOf, int minCases) {
    Map<String, List<Integer>> toApi = new TreeMap<>();
    Map<String, List<Integer>> waiting = new TreeMap<>();
    for (CaseFacts facts : all) {
      LocalDate filed = facts.firstRenewal();
      if (filed == null || filed.isAfter(asOf)) {
        continue;
      }
      LocalDate api = facts.firstApiFrom(filed);
      LocalDate decided = facts.firstDecisionAfter(filed);
      String department = facts.departmentOrUnknown();
      if (api != null && !api.isAfter(asOf) && (decided == null || !decided.isBefore(api))) {
        toApi.computeIfAbsent(department, k -> new ArrayList<>()).add((int) ChronoUnit.DAYS.between(filed, api));
        waiting.computeIfAbsent(department, k -> new ArrayList<>());
      } else if (facts.waitsForDecision(filed, asOf)) {
        waiting.computeIfAbsent(department, k -> new ArrayList<>()).add((int) ChronoUnit.DAYS.between(filed, asOf));
        toApi.computeIfAbsent(department, k -> new ArrayList<>());
      }
    }
    List<ApiDelayCell> out = new ArrayList<>();
    toApi.forEach((department, issued) -> {
      List<Integer> still = waiting.get(department);
      int renewals = issued.size() + still.size();
      if (renewals < minCases) {
        out.add(new ApiDelayCell(department, null, null, null, null, null, null, true));
        return;
      }
      int[] days = issued.stream().mapToInt(Integer::intValue).sorted().toArray();
      int[] waited = still.stream().mapToInt(Integer::intValue).sorted().toArray();
      out.add(new ApiDelayCell(department, renewals, days.length, days.length == 0 ? null : percentile(days, 50),
          days.length == 0 ? null : percentile(days, 90), waited.length, waited.length == 0 ? null : percentile(waited, 50), false));
    });
    return out;
  }

  /**
   * Per department, the requests waiting for a decision on {@code asOf} (first submission filed by then,
   * no decision since, case still followed): days waited so far, and how many reached the silence after
   * which a request is implicitly rejected (the rule's default, {@code IMPLICIT_REJECTION.silenceMonths}).
   */
  static List<AwaitingDecisionCell> awaitingDecision(List<CaseFacts> all, LocalDate asOf, int minCases) {
    int silenceMonths = SILENCE.threshold(RuleId.IMPLICIT_REJECTION, "silenceMonths");
    Map<String, List<LocalDate>> filedOn = new TreeMap<>();
    for (CaseFacts facts : all) {
      LocalDate filed = facts.firstSubmission();
      if (filed != null && !filed.isAfter(asOf) && facts.waitsForDecision(filed, asOf)) {
        filedOn.computeIfAbsent(facts.departmentOrUnknown(), k -> new ArrayList<>()).add(filed);
      }
    }
    List<AwaitingDecisionCell> out = new ArrayList<>();
    filedOn.forEach((department, days) -> {
      if (days.size() < minCases) {
        out.add(new AwaitingDecisionCell(department, null, null, null, null, true));
        return;
      }
      int[] waited = days.stream().mapToInt(d -> (int) ChronoUnit.DAYS.between(d, asOf)).sorted().toArray();
      int silent = (int) days.stream().filter(d -> !asOf.isBefore(d.plusMonths(silenceMonths))).count();
      out.add(new AwaitingDecisionCell(department, waited.length, percentile(waited, 50), percentile(waited, 90), silent,
          false));
    });
    return out;
  }

  // the figures of a department's decisions, as SmallCellSuppression counts them; the last two are never published
  private static final int DECIDED = 0;
  private static final int GRANTED = 1;
  private static final int REFUSED = 2;
  private static final int OQTF = 3;
  private static final int CONTESTED = 4;
  private static final int WITHOUT_OQTF = 5;
  private static final int UNCONTESTED = 6;
  private static final int RECORDED_LATE = 7;
  private static final int RECORDED_IN_TIME = 8;
  private static final List<SmallCellSuppression.Group> DECISION_TOTALS = List.of(
      new SmallCellSuppression.Group(DECIDED, new int[] {GRANTED, REFUSED}),
      new SmallCellSuppression.Group(REFUSED, new int[] {OQTF, WITHOUT_OQTF}),
      new SmallCellSuppression.Group(REFUSED, new int[] {CONTESTED, UNCONTESTED}),
      new SmallCellSuppression.Group(REFUSED, new int[] {RECORDED_LATE, RECORDED_IN_TIME}));

  /**
   * Per department, the first decision of each request decided by {@code asOf} (see {@link FederationStats.DecisionCell}):
   * granted or refused, with an OQTF or not, the refusals contested before the court by then, and those recorded
   * after their time to contest ended.
   */
  static List<DecisionCell> decisions(List<CaseFacts> all, LocalDate asOf, int minCases) {
    Map<String, int[]> counts = new TreeMap<>();
    for (CaseFacts facts : all) {
      LocalDate submitted = facts.firstSubmission();
      DecisionFact decision = submitted == null ? null : facts.firstDecisionFactAfter(submitted);
      if (decision == null || decision.getDecidedOn().isAfter(asOf)) {
        continue;
      }
      int[] c = counts.computeIfAbsent(facts.departmentOrUnknown(), k -> new int[9]);
      c[DECIDED]++;
      if (decision.getDecision() == Decision.GRANTED) {
        c[GRANTED]++;
        continue;
      }
      c[REFUSED]++;
      c[decision.getDecision() == Decision.REFUSED_WITH_OQTF ? OQTF : WITHOUT_OQTF]++;
      c[facts.courtSeized(decision.getDecidedOn(), asOf) ? CONTESTED : UNCONTESTED]++;
      c[facts.recordedAfterItsTime(decision, asOf, APPEAL_TIMES) ? RECORDED_LATE : RECORDED_IN_TIME]++;
    }
    List<DecisionCell> out = new ArrayList<>();
    counts.forEach((department, c) -> {
      boolean[] hidden = SmallCellSuppression.suppress(c, DECISION_TOTALS, minCases);
      if (hidden[DECIDED]) {
        out.add(new DecisionCell(department, null, null, null, null, null, null, true));
        return;
      }
      // the refusals hidden, their parts are too: each would bound the figures hidden
      boolean refusals = !hidden[REFUSED];
      out.add(new DecisionCell(department, c[DECIDED], shown(c, hidden, GRANTED), shown(c, hidden, REFUSED),
          refusals ? shown(c, hidden, OQTF) : null, refusals ? shown(c, hidden, CONTESTED) : null,
          refusals ? shown(c, hidden, RECORDED_LATE) : null, false));
    });
    return out;
  }

  private static Integer shown(int[] counts, boolean[] hidden, int figure) {
    return hidden[figure] ? null : counts[figure];
  }

  /** Nearest-rank percentile of sorted values. */
  static int percentile(int[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double mean(int[] values) {
    return round(Arrays.stream(values).average().orElse(0), 1);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
