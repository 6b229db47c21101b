package org.vigie.audit.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.vigie.audit.stats.PeriodComparison.Ccc;
import org.vigie.audit.stats.PeriodComparison.Count;
import org.vigie.audit.stats.PeriodComparison.Delays;
import org.vigie.audit.stats.PeriodComparison.Figures;
import org.vigie.audit.stats.PeriodComparison.Row;
import org.vigie.audit.stats.PeriodComparison.Span;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.CccOutcome;

/** Computes a {@link PeriodComparison} from the cases' facts. */
final class PeriodComparisons {
  private PeriodComparisons() {}

  /** One department's (or the total's) figures in one period, before suppression. */
  private static final class Tally {
    int blockageCases;
    int blockageReports;
    final List<Integer> resolutionDays = new ArrayList<>();
    int resolutionCases;
    int gapCases;
    int gapDays;
    final List<Integer> decisionDays = new ArrayList<>();
    int cccCases;
    int cccAttempts;
    int cccUnanswered;
    final List<Integer> apiDays = new ArrayList<>();

    /** @param daysWithoutApi the case's days without a valid API in the period */
    void add(CaseFacts facts, Span span, LocalDate asOf, int daysWithoutApi) {
      int reports = 0;
      int resolved = 0;
      for (BlockageFact b : facts.blockages()) {
        if (span.contains(b.getReportedOn())) {
          reports++;
        }
        if (span.contains(b.getResolvedOn()) && !b.getResolvedOn().isAfter(asOf)) {
          resolved++;
          resolutionDays.add((int) Math.max(0, ChronoUnit.DAYS.between(b.getReportedOn(), b.getResolvedOn())));
        }
      }
      blockageCases += reports > 0 ? 1 : 0;
      blockageReports += reports;
      resolutionCases += resolved > 0 ? 1 : 0;

      gapCases += daysWithoutApi > 0 ? 1 : 0;
      gapDays += daysWithoutApi;

      LocalDate submitted = facts.firstSubmission();
      LocalDate decided = submitted == null ? null : facts.firstDecisionAfter(submitted);
      if (span.contains(decided)) {
        decisionDays.add((int) ChronoUnit.DAYS.between(submitted, decided));
      }

      int attempts = 0;
      for (CccAttemptFact a : facts.cccAttempts()) {
        if (span.contains(a.getAttemptedOn())) {
          attempts++;
          if (a.getOutcome() == CccOutcome.NO_ANSWER || a.getOutcome() == CccOutcome.AUTOMATED_REPLY) {
            cccUnanswered++;
          }
        }
      }
      cccCases += attempts > 0 ? 1 : 0;
      cccAttempts += attempts;

      LocalDate renewal = facts.firstRenewal();
      LocalDate api = renewal == null ? null : facts.firstApiFrom(renewal);
      if (span.contains(api) && !api.isAfter(asOf)) {
        apiDays.add((int) ChronoUnit.DAYS.between(renewal, api));
      }
    }

    boolean isEmpty() {
      return blockageCases + resolutionCases + gapCases + decisionDays.size() + cccCases + apiDays.size() == 0;
    }
  }

  /** The six figures, each with the number of distinct cases it counts (what suppression looks at). */
  private enum Figure {
    BLOCKAGES(t -> t.blockageCases),
    RESOLUTIONS(t -> t.resolutionCases),
    DAYS_WITHOUT_API(t -> t.gapCases),
    DECISIONS(t -> t.decisionDays.size()),
    CCC(t -> t.cccCases),
    FIRST_APIS(t -> t.apiDays.size());

    final Function<Tally, Integer> cases;

    Figure(Function<Tally, Integer> cases) {
      this.cases = cases;
    }
  }

  static PeriodComparison compare(List<CaseFacts> all, long events, LocalDate pivot, int days, LocalDate asOf,
      int minCases) {
    Span[] spans = PeriodComparison.spans(pivot, days, asOf);
    Tally[] totals = {new Tally(), new Tally()};
    Map<String, Tally[]> byDepartment = new TreeMap<>();
    for (CaseFacts facts : all) {
      // the case's days without API, walked once for both periods (the earlier one ends before the later)
      int[] gaps = new int[2];
      facts.forEachDayWithoutValidApi(spans[1].to(), day -> {
        for (int p = 0; p < 2; p++) {
          if (spans[p].contains(day)) {
            gaps[p]++;
          }
        }
      });
      for (int p = 0; p < 2; p++) {
        Tally one = new Tally();
        one.add(facts, spans[p], asOf, gaps[p]);
        if (!one.isEmpty()) {
          merge(totals[p], one);
          merge(byDepartment.computeIfAbsent(facts.departmentOrUnknown(), d -> new Tally[] {new Tally(), new Tally()})[p], one);
        }
      }
    }
    List<String> departments = List.copyOf(byDepartment.keySet());
    // hidden[period][figure][0 = total, 1.. = departments]
    boolean[][][] hidden = new boolean[2][Figure.values().length][];
    for (int p = 0; p < 2; p++) {
      for (Figure f : Figure.values()) {
        int period = p;
        int[] counts = new int[departments.size() + 1];
        counts[0] = f.cases.apply(totals[p]);
        for (int d = 0; d < departments.size(); d++) {
          counts[d + 1] = f.cases.apply(byDepartment.get(departments.get(d))[period]);
        }
        int[] members = IntStream.rangeClosed(1, departments.size()).toArray();
        hidden[p][f.ordinal()] = SmallCellSuppression.suppress(counts, List.of(new SmallCellSuppression.Group(0, members)),
            minCases);
      }
    }
    Row total = new Row(null, figures(totals[0], hidden[0], 0), figures(totals[1], hidden[1], 0));
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < departments.size(); d++) {
      Tally[] t = byDepartment.get(departments.get(d));
      rows.add(new Row(departments.get(d), figures(t[0], hidden[0], d + 1), figures(t[1], hidden[1], d + 1)));
    }
    return new PeriodComparison(pivot, spans[0], spans[1], asOf, minCases, events, all.size(), total, rows);
  }

  private static void merge(Tally into, Tally one) {
    into.blockageCases += one.blockageCases;
    into.blockageReports += one.blockageReports;
    into.resolutionCases += one.resolutionCases;
    into.resolutionDays.addAll(one.resolutionDays);
    into.gapCases += one.gapCases;
    into.gapDays += one.gapDays;
    into.decisionDays.addAll(one.decisionDays);
    into.cccCases += one.cccCases;
    into.cccAttempts += one.cccAttempts;
    into.cccUnanswered += one.cccUnanswered;
    into.apiDays.addAll(one.apiDays);
  }

  private static Figures figures(Tally t, boolean[][] hidden, int index) {
    boolean blockages = hidden[Figure.BLOCKAGES.ordinal()][index];
    boolean resolutions = hidden[Figure.RESOLUTIONS.ordinal()][index];
    boolean gaps = hidden[Figure.DAYS_WITHOUT_API.ordinal()][index];
    boolean decisions = hidden[Figure.DECISIONS.ordinal()][index];
    boolean ccc = hidden[Figure.CCC.ordinal()][index];
    boolean apis = hidden[Figure.FIRST_APIS.ordinal()][index];
    return new Figures(
        blockages ? new Count(null, null, true) : new Count(t.blockageCases, t.blockageReports, false),
        resolutions ? new Delays(null, null, null, true)
            : new Delays(t.resolutionCases, t.resolutionDays.size(), median(t.resolutionDays), false),
        gaps ? new Count(null, null, true) : new Count(t.gapCases, t.gapDays, false),
        decisions ? new Delays(null, null, null, true)
            : new Delays(t.decisionDays.size(), t.decisionDays.size(), median(t.decisionDays), false),
        ccc ? new Ccc(null, null, null, true)
            : new Ccc(t.cccCases, t.cccAttempts, t.cccAttempts == 0 ? null
                : Math.round(1000.0 * t.cccUnanswered / t.cccAttempts) / 1000.0, false),
        apis ? new Delays(null, null, null, true) : new Delays(t.apiDays.size(), t.apiDays.size(), median(t.apiDays), false));
  }

  private static Integer median(List<Integer> values) {
    return values.isEmpty() ? null
        : StatsTables.percentile(values.stream().mapToInt(Integer::intValue).sorted().toArray(), 50);
  }
}
