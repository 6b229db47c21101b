package org.vigie.audit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vigie.audit.output.JsonOutput;
import org.vigie.audit.stats.PeriodComparison.Ccc;
import org.vigie.audit.stats.PeriodComparison.Count;
import org.vigie.audit.stats.PeriodComparison.Delays;
import org.vigie.audit.stats.PeriodComparison.Row;
import org.vigie.audit.stats.PeriodComparison.Span;
import org.vigie.audit.testing.CaseEvents;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;

class PeriodComparisonTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
  private static final LocalDate PIVOT = PeriodComparison.CONSEIL_ETAT_DEADLINE;
  private static final LocalDate OCT_20 = LocalDate.of(2026, 10, 20);
  private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);

  private final List<CaseEvent> log = new ArrayList<>();
  private final List<String> caseIds = new ArrayList<>();

  private void cases(int count, String department, LocalDate permitExpiresOn, Consumer<CaseEvents> story) {
    for (int i = 0; i < count; i++) {
      CaseEvents c = CaseEvents.random("a1").opened(LocalDate.of(2026, 1, 5), department, permitExpiresOn);
      story.accept(c);
      caseIds.add(c.caseId());
      log.addAll(c.events());
    }
  }

  private void cases(int count, String department, Consumer<CaseEvents> story) {
    cases(count, department, LocalDate.of(2027, 6, 30), story);
  }

  private PeriodComparison compare() {
    FederationStatsCollector collector = new FederationStatsCollector();
    collector.acceptAll(log);
    return collector.compare(PIVOT, PeriodComparison.daysUpTo(PIVOT, AS_OF), AS_OF, FederationStats.DEFAULT_MIN_CASES);
  }

  private static Row department(PeriodComparison c, String department) {
    return c.departments().stream().filter(r -> r.department().equals(department)).findFirst().orElseThrow();
  }

  @Test
  void theLaterPeriodRunsFromThePivotToTodayAndTheEarlierOneIsAsLong() {
    Span[] spans = PeriodComparison.spans(PIVOT, PeriodComparison.daysUpTo(PIVOT, AS_OF), AS_OF);

    assertThat(spans[1]).isEqualTo(new Span(PIVOT, AS_OF));
    assertThat(spans[0]).isEqualTo(new Span(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 11, 4)));
    assertThat(spans[0].days()).isEqualTo(23).isEqualTo(spans[1].days());
    // a shorter length asked for: both periods that long; a longer one: cut at today, and the earlier as long
    assertThat(PeriodComparison.spans(PIVOT, 7, AS_OF)).containsExactly(
        new Span(LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 4)), new Span(PIVOT, LocalDate.of(2026, 11, 11)));
    assertThat(PeriodComparison.spans(PIVOT, 90, AS_OF)[0].days()).isEqualTo(23);
  }

  @Test
  void aPivotAfterTodayOrALengthOutOfRangeIsRefused() {
    assertThatThrownBy(() -> PeriodComparison.spans(AS_OF.plusDays(1), 30, AS_OF)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodComparison.spans(PIVOT, 0, AS_OF)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodComparison.spans(PIVOT, PeriodComparison.MAX_DAYS + 1, AS_OF))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blockagesReportedBeforeAndResolvedAfterCountInTheirOwnPeriod() {
    cases(5, "93", c -> c.blockage(OCT_20, BlockageKind.NO_NEWS_IN_INSTRUCTION)
        .blockageResolved(NOV_10, BlockageKind.NO_NEWS_IN_INSTRUCTION));
    cases(6, "93", c -> c.blockage(NOV_10, BlockageKind.ACCOUNT_LOCKED).blockage(NOV_10.plusDays(2), BlockageKind.CANNOT_SUBMIT));
    // reported before the earlier period: counts in neither
    cases(5, "93", c -> c.blockage(LocalDate.of(2026, 9, 1), BlockageKind.REQUEST_LOST));

    PeriodComparison c = compare();

    assertThat(c.total().before().blockagesReported()).isEqualTo(new Count(5, 5, false));
    assertThat(c.total().after().blockagesReported()).isEqualTo(new Count(6, 12, false));
    assertThat(c.total().before().blockagesResolved()).isEqualTo(new Delays(0, 0, null, false));
    assertThat(c.total().after().blockagesResolved()).isEqualTo(new Delays(5, 5, 21, false));
    assertThat(c.cases()).isEqualTo(16);
  }

  @Test
  void decisionsAndCccAttemptsByPeriod() {
    cases(5, "13", c -> c.submitted(LocalDate.of(2026, 6, 1)).decision(LocalDate.of(2026, 10, 30), Decision.GRANTED)
        .ccc(OCT_20, CccOutcome.NO_ANSWER).ccc(OCT_20.plusDays(1), CccOutcome.ANSWERED_UNRESOLVED));
    cases(5, "13", c -> c.submitted(LocalDate.of(2026, 5, 1)).decision(NOV_10, Decision.REFUSED)
        .ccc(NOV_10, CccOutcome.NO_ANSWER));

    PeriodComparison c = compare();

    assertThat(c.total().before().decisions()).isEqualTo(new Delays(5, 5, 151, false));
    assertThat(c.total().after().decisions()).isEqualTo(new Delays(5, 5, 193, false));
    assertThat(c.total().before().cccAttempts()).isEqualTo(new Ccc(5, 10, 0.5, false));
    assertThat(c.total().after().cccAttempts()).isEqualTo(new Ccc(5, 5, 1.0, false));
    assertThat(department(c, "13").after().decisions()).isEqualTo(new Delays(5, 5, 193, false));
  }

  @Test
  void daysWithoutApiCountOnlyTheDaysOfEachPeriod() {
    // permit expired on 31 October, renewal pending, an API from 15 November: 4 days before, 10 after
    cases(5, "69", LocalDate.of(2026, 10, 31), c -> c.submitted(LocalDate.of(2026, 8, 1))
        .api(LocalDate.of(2026, 11, 15), LocalDate.of(2027, 2, 14)));

    PeriodComparison c = compare();

    assertThat(c.total().before().daysWithoutApi()).isEqualTo(new Count(5, 20, false));
    assertThat(c.total().after().daysWithoutApi()).isEqualTo(new Count(5, 50, false));
    // the renewals' first API, filed on 1 August, came on 15 November: 106 days, in the later period
    assertThat(c.total().after().firstApis()).isEqualTo(new Delays(5, 5, 106, false));
    assertThat(c.total().before().firstApis()).isEqualTo(new Delays(0, 0, null, false));
  }

  @Test
  void aSmallDepartmentIsHiddenAndSoIsTheOtherOneTheTotalWouldGiveAwayButZerosStay() {
    cases(6, "93", c -> c.blockage(NOV_10, BlockageKind.ACCOUNT_LOCKED));
    cases(3, "75", c -> c.blockage(NOV_10, BlockageKind.ACCOUNT_LOCKED));
    cases(7, "94", c -> c.blockage(OCT_20, BlockageKind.ACCOUNT_LOCKED));

    PeriodComparison c = compare();

    assertThat(department(c, "75").after().blockagesReported()).isEqualTo(new Count(null, null, true));
    assertThat(department(c, "93").after().blockagesReported()).isEqualTo(new Count(null, null, true));
    // 94 had none after the pivot: its zero tells nothing of anyone and takes no part in the subtraction
    assertThat(department(c, "94").after().blockagesReported()).isEqualTo(new Count(0, 0, false));
    assertThat(c.total().after().blockagesReported()).isEqualTo(new Count(9, 9, false));
    assertThat(department(c, "94").before().blockagesReported()).isEqualTo(new Count(7, 7, false));
  }

  @Test
  void theOutputNamesNoCaseAndTheCsvHasALinePerDepartmentAndPeriod() throws Exception {
    cases(5, "93", c -> c.blockage(NOV_10, BlockageKind.ACCOUNT_LOCKED));

    PeriodComparison c = compare();
    java.io.StringWriter json = new java.io.StringWriter();
    JsonOutput.write(c, json);
    String csv = StatsCsv.toCsv(c);

    assertThat(json.toString()).contains("\"pivot\" : \"2026-11-05\"").contains("\"blockagesReported\"");
    caseIds.forEach(id -> assertThat(json.toString()).doesNotContain(id));
    assertThat(json.toString()).doesNotContain("a1");
    assertThat(csv.lines().toList()).containsExactly(String.join(",", StatsCsv.COMPARISON_HEADER),
        "all,before,2026-10-13,2026-11-04,0,0,0,0,,0,0,0,,0,0,,0,",
        "all,after,2026-11-05,2026-11-27,5,5,0,0,,0,0,0,,0,0,,0,",
        "93,before,2026-10-13,2026-11-04,0,0,0,0,,0,0,0,,0,0,,0,",
        "93,after,2026-11-05,2026-11-27,5,5,0,0,,0,0,0,,0,0,,0,");
  }
}
