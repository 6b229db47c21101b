package org.vigie.audit.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.vigie.audit.output.JsonOutput;
import org.vigie.audit.stats.FederationStats.BlockageCell;
import org.vigie.audit.stats.FederationStats.MonthlyBlockages;
import org.vigie.audit.testing.CaseEvents;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.SituationUpdated;
import org.xml.sax.InputSource;

class FederationStatsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);
  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

  private final List<CaseEvent> log = new ArrayList<>();
  private final List<String> caseIds = new ArrayList<>();

  private void cases(int count, String association, String department, Consumer<CaseEvents> story) {
    for (int i = 0; i < count; i++) {
      CaseEvents c = CaseEvents.random(association).opened(LocalDate.of(2025, 11, 1), department, LocalDate.of(2026, 1, 31));
      story.accept(c);
      caseIds.add(c.caseId());
      log.addAll(c.events());
    }
  }

  private FederationStats stats() {
    FederationStatsCollector collector = new FederationStatsCollector();
    collector.acceptAll(log);
    return collector.compute(AS_OF);
  }

  private static BlockageCell cell(FederationStats stats, String department) {
    return stats.blockages().stream().filter(c -> c.department().equals(department)).findFirst().orElseThrow();
  }

  @Test
  void aCellOfFewerThanFiveCasesIsSuppressedAndSoIsTheOnlyOtherCellOfItsMonth() {
    cases(5, "a1", "93", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED));
    cases(4, "a1", "75", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED));

    FederationStats stats = stats();

    assertThat(cell(stats, "75")).isEqualTo(new BlockageCell("75", "2026-03", BlockageKind.ACCOUNT_LOCKED, null, null, true));
    // Published, the month total (9) minus the 93 cell would give the 75 cell back.
    assertThat(cell(stats, "93").suppressed()).isTrue();
    assertThat(stats.blockagesPerMonth()).containsExactly(new MonthlyBlockages("2026-03", 9, 9, false));
  }

  @Test
  void secondarySuppressionHidesTheSmallestPublishedCellOnly() {
    cases(5, "a1", "93", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED)
        .blockage(MARCH_2.plusDays(3), BlockageKind.ACCOUNT_LOCKED));
    cases(4, "a1", "75", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED));
    cases(6, "a2", "94", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED));

    FederationStats stats = stats();

    assertThat(cell(stats, "75").suppressed()).isTrue();
    assertThat(cell(stats, "93").suppressed()).isTrue();
    assertThat(cell(stats, "94")).isEqualTo(new BlockageCell("94", "2026-03", BlockageKind.ACCOUNT_LOCKED, 6, 6, false));
    assertThat(stats.blockagesPerMonth()).containsExactly(new MonthlyBlockages("2026-03", 15, 20, false));
  }

  @Test
  void aMonthOfFewerThanFiveCasesIsSuppressed() {
    cases(3, "a1", "93", c -> c.blockage(MARCH_2, BlockageKind.REQUEST_LOST));

    assertThat(stats().blockagesPerMonth()).containsExactly(new MonthlyBlockages("2026-03", null, null, true));
  }

  @Test
  void aDuplicatedEventCountsOnce() {
    cases(5, "a1", "93", c -> c.blockage(MARCH_2, BlockageKind.CANNOT_SUBMIT));
    log.addAll(List.copyOf(log));

    FederationStats stats = stats();

    assertThat(cell(stats, "93").reports()).isEqualTo(5);
    assertThat(stats.events()).isEqualTo(20);
  }

  @Test
  void daysWithoutApiCountTheDaysAfterExpiryNotCoveredByAnApiUntilTheDecision() {
    // Permit expired 31 Jan, API covers February, nothing after: 1-10 March without API.
    cases(5, "a1", "93", c -> c.submitted(LocalDate.of(2025, 12, 1))
        .api(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    // Decided on 5 March: 1-4 March without API.
    cases(1, "a1", "93", c -> c.submitted(LocalDate.of(2025, 12, 1))
        .api(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).decision(LocalDate.of(2026, 3, 5), Decision.GRANTED));
    // No submission: not a pending renewal, not counted.
    cases(3, "a1", "93", c -> {});

    FederationStats stats = stats();

    assertThat(stats.daysWithoutApi()).containsExactly(new FederationStats.ApiGapCell("93", "2026-03", 6, 54, false));
  }

  @Test
  void daysWithoutApiSpanMonthsAndSmallDepartmentsAreSuppressed() {
    cases(5, "a1", "13", c -> c.submitted(LocalDate.of(2026, 1, 20)));
    cases(2, "a1", "69", c -> c.submitted(LocalDate.of(2026, 1, 20)));

    FederationStats stats = stats();

    assertThat(stats.daysWithoutApi()).containsExactly(
        new FederationStats.ApiGapCell("13", "2026-02", 5, 5 * 28, false),
        new FederationStats.ApiGapCell("69", "2026-02", null, null, true),
        new FederationStats.ApiGapCell("13", "2026-03", 5, 5 * 10, false),
        new FederationStats.ApiGapCell("69", "2026-03", null, null, true));
  }

  @Test
  void timeToDecisionGivesMeanMedianAndNinetiethPercentile() {
    int[] delays = {30, 60, 90, 120, 150};
    LocalDate submitted = LocalDate.of(2025, 6, 1);
    for (int d : delays) {
      cases(1, "a1", "93", c -> c.submitted(submitted).decision(submitted.plusDays(d), Decision.GRANTED));
    }
    cases(4, "a1", "75", c -> c.submitted(submitted).decision(submitted.plusDays(10), Decision.REFUSED));

    assertThat(stats().timeToDecision()).containsExactly(
        new FederationStats.DecisionDelayCell("75", null, null, null, null, true),
        new FederationStats.DecisionDelayCell("93", 5, 90.0, 90, 150, false));
  }

  @Test
  void apiDelaysCountTheDaysToTheFirstApiAndTheRenewalsStillWaitingForOne() {
    LocalDate filed = LocalDate.of(2026, 1, 5);
    cases(3, "a1", "93", c -> c.submitted(filed).api(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 5, 3)));
    cases(2, "a1", "93", c -> c.submitted(filed));
    // decided before any API: it was no longer owed, counted in neither
    cases(1, "a1", "93", c -> c.submitted(filed).decision(LocalDate.of(2026, 1, 20), Decision.GRANTED));
    // an API issued after the report's day does not count yet: still waiting
    cases(1, "a1", "93", c -> c.submitted(filed).api(AS_OF.plusDays(1), AS_OF.plusDays(90)));
    cases(2, "a1", "75", c -> c.submitted(filed));

    FederationStats stats = stats();

    assertThat(stats.apiDelays()).containsExactly(
        new FederationStats.ApiDelayCell("75", null, null, null, null, null, null, true),
        new FederationStats.ApiDelayCell("93", 6, 3, 30, 30, 3, 64, false));
    assertThat(StatsCsv.toCsv(stats, StatsCsv.Table.API_DELAY).lines().toList()).containsExactly(
        "department,renewals,with_api,median_days_to_api,p90_days_to_api,waiting,median_days_waiting,suppressed",
        "75,,,,,,,true", "93,6,3,30,30,3,64,false");
  }

  @Test
  void awaitingDecisionCountsTheRequestsNotDecidedAndThoseWhoseSilenceIsAnImplicitRejection() {
    cases(2, "a1", "93", c -> c.submitted(LocalDate.of(2025, 11, 1)));
    // four months to the day on the report's day: the silence is a rejection
    cases(1, "a1", "93", c -> c.submitted(LocalDate.of(2025, 11, 10)));
    cases(2, "a1", "93", c -> c.submitted(LocalDate.of(2026, 1, 10)));
    // decided after the report's day: still waiting on that day
    cases(1, "a1", "93", c -> c.submitted(LocalDate.of(2026, 1, 10)).decision(AS_OF.plusDays(5), Decision.GRANTED));
    // not waiting: decided, closed, erased, or filed after the report's day
    cases(1, "a1", "93", c -> c.submitted(LocalDate.of(2025, 11, 1)).decision(LocalDate.of(2026, 2, 1), Decision.REFUSED));
    cases(1, "a1", "93", c -> c.submitted(LocalDate.of(2025, 11, 1)).closed(LocalDate.of(2026, 3, 1)));
    cases(1, "a1", "93", c -> c.submitted(LocalDate.of(2025, 11, 1)).erased(LocalDate.of(2026, 2, 1)));
    cases(1, "a1", "93", c -> c.submitted(AS_OF.plusDays(10)));
    cases(2, "a1", "75", c -> c.submitted(LocalDate.of(2025, 11, 1)));

    FederationStats stats = stats();

    assertThat(stats.awaitingDecision()).containsExactly(
        new FederationStats.AwaitingDecisionCell("75", null, null, null, null, true),
        new FederationStats.AwaitingDecisionCell("93", 6, 59, 129, 3, false));
    assertThat(StatsCsv.toCsv(stats, StatsCsv.Table.AWAITING_DECISION).lines().toList()).containsExactly(
        "department,waiting,median_days_waiting,p90_days_waiting,implicit_rejections,suppressed",
        "75,,,,,true", "93,6,59,129,3,false");
    // the cases decided are the only ones timed to their decision
    assertThat(stats.timeToDecision()).containsExactly(
        new FederationStats.DecisionDelayCell("93", null, null, null, null, true));
  }

  @Test
  void decisionsCountGrantsRefusalsOqtfsRefusalsContestedAndRefusalsRecordedAfterTheirTimeHidingWhatWouldRevealASmallCount() {
    LocalDate filed = LocalDate.of(2025, 11, 3);
    LocalDate refused = LocalDate.of(2026, 2, 2);
    SituationUpdated court = SituationUpdated.newBuilder().setAppeal(AppealKind.COURT_APPEAL).build();
    SituationUpdated referral = SituationUpdated.newBuilder().setAppeal(AppealKind.SUSPENSION_REFERRAL).build();
    SituationUpdated prefecture = SituationUpdated.newBuilder().setAppeal(AppealKind.ADMINISTRATIVE_APPEAL).build();
    // 69: every figure at 5 or more
    cases(5, "a1", "69", c -> c.submitted(filed).decision(refused, Decision.GRANTED));
    cases(3, "a1", "69", c -> c.submitted(filed).decision(refused, Decision.REFUSED_WITH_OQTF).add(refused.plusDays(3), court));
    cases(2, "a1", "69", c -> c.submitted(filed).decision(refused, Decision.REFUSED_WITH_OQTF).add(refused.plusDays(1), referral));
    cases(3, "a1", "69", c -> c.submitted(filed).decision(refused, Decision.REFUSED_WITH_OQTF).add(refused.plusDays(3), prefecture));
    // filed before the refusal, or after the report's day: not a contest of it by then
    cases(1, "a1", "69", c -> c.submitted(filed).decision(refused, Decision.REFUSED_WITH_OQTF).add(refused.minusDays(3), court));
    cases(1, "a1", "69", c -> c.submitted(filed).decision(refused, Decision.REFUSED_WITH_OQTF).add(AS_OF.plusDays(1), court));
    // not counted: decided after the report's day, or never filed
    cases(1, "a1", "69", c -> c.submitted(filed).decision(AS_OF.plusDays(2), Decision.REFUSED));
    cases(1, "a1", "69", c -> c.decision(refused, Decision.REFUSED));
    // 93: a single refusal without an OQTF would be told by the OQTFs: those are hidden
    cases(6, "a1", "93", c -> c.submitted(filed).decision(refused, Decision.GRANTED));
    cases(5, "a1", "93", c -> c.submitted(filed).decision(refused, Decision.REFUSED_WITH_OQTF));
    cases(1, "a1", "93", c -> c.submitted(filed).decision(refused, Decision.REFUSED));
    // 75: 3 grants and 4 refusals of 7: both hidden, and so are the refusals' parts
    cases(3, "a1", "75", c -> c.submitted(filed).decision(refused, Decision.GRANTED));
    cases(4, "a1", "75", c -> c.submitted(filed).decision(refused, Decision.REFUSED_WITH_OQTF).add(refused.plusDays(3), court));
    // 13: fewer than 5 decisions
    cases(3, "a1", "13", c -> c.submitted(filed).decision(refused, Decision.REFUSED));
    // 33: refusals recorded after their time to contest ended (seven days, two months), or on its last day
    DecisionReceived withoutDeparture = DecisionReceived.newBuilder().setDecision(Decision.REFUSED_WITH_OQTF)
        .setOqtfTerms(OqtfTerms.NO_DEPARTURE_PERIOD).build();
    cases(5, "a1", "33", c -> c.submitted(filed).recorded(refused, withoutDeparture, refused.plusDays(10)));
    cases(5, "a1", "33", c -> c.submitted(filed).recorded(refused, withoutDeparture, refused.plusDays(7)));
    cases(5, "a1", "33", c -> c.submitted(filed).recorded(refused,
        DecisionReceived.newBuilder().setDecision(Decision.REFUSED).build(), refused.plusMonths(2).plusDays(1)));
    cases(5, "a1", "33", c -> c.submitted(filed).decision(refused, Decision.GRANTED));

    FederationStats stats = stats();

    assertThat(stats.decisions()).containsExactly(
        new FederationStats.DecisionCell("13", null, null, null, null, null, null, true),
        new FederationStats.DecisionCell("33", 20, 5, 15, 10, 0, 10, false),
        new FederationStats.DecisionCell("69", 15, 5, 10, 10, 5, 0, false),
        new FederationStats.DecisionCell("75", 7, null, null, null, null, null, false),
        new FederationStats.DecisionCell("93", 12, 6, 6, null, 0, 0, false));
    assertThat(StatsCsv.toCsv(stats, StatsCsv.Table.DECISIONS).lines().toList()).containsExactly(
        "department,decided,granted,refused,refused_with_oqtf,contested,suppressed,recorded_after_time",
        "13,,,,,,true,", "33,20,5,15,10,0,false,10", "69,15,5,10,10,5,false,0", "75,7,,,,,false,", "93,12,6,6,,0,false,0");
  }

  @Test
  void cccAttemptsPerCase() {
    int[] attempts = {1, 2, 3, 3, 6};
    for (int n : attempts) {
      cases(1, "a1", "93", c -> {
        for (int i = 0; i < n; i++) {
          c.ccc(MARCH_2.plusDays(i), i == 0 ? CccOutcome.ANSWERED_UNRESOLVED : CccOutcome.NO_ANSWER);
        }
      });
    }

    assertThat(stats().cccAttempts()).containsExactly(
        new FederationStats.CccCell("93", 5, 15, 3.0, 3, 0.667, false));
  }

  @Test
  void aWithdrawnBlockageOrCccAttemptDoesNotCount() {
    cases(5, "a1", "93", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED).withdrawing(c.last(), MARCH_2.plusDays(1))
        .blockage(MARCH_2, BlockageKind.REQUEST_LOST)
        .ccc(MARCH_2, CccOutcome.NO_ANSWER).ccc(MARCH_2.plusDays(1), CccOutcome.NO_ANSWER)
        .withdrawing(c.last(), MARCH_2.plusDays(2)));

    FederationStats stats = stats();

    assertThat(stats.blockages()).containsExactly(
        new BlockageCell("93", "2026-03", BlockageKind.REQUEST_LOST, 5, 5, false));
    assertThat(stats.blockagesPerMonth()).containsExactly(new MonthlyBlockages("2026-03", 5, 5, false));
    assertThat(stats.cccAttempts()).containsExactly(new FederationStats.CccCell("93", 5, 5, 1.0, 1, 1.0, false));
  }

  @Test
  void aReplacedBlockageCountsWithItsCorrectedDepartmentMonthAndKindInEitherOrder() {
    cases(5, "a1", "93", c -> {
      CaseEvent opening = c.events().get(0);
      c.blockage(LocalDate.of(2026, 2, 10), BlockageKind.CANNOT_SUBMIT)
          .replacing(c.last(), MARCH_2, BlockageReported.newBuilder().setBlockage(BlockageKind.ACCOUNT_LOCKED).build(),
              MARCH_2)
          .replacing(opening, opening.getOccurredOn(), CaseOpened.newBuilder((CaseOpened) opening.getPayload())
              .setDepartment("75").setAssignedVolunteerId(null).build(), MARCH_2);
    });
    FederationStats ordered = stats();

    assertThat(ordered.blockages()).containsExactly(
        new BlockageCell("75", "2026-03", BlockageKind.ACCOUNT_LOCKED, 5, 5, false));
    assertThat(ordered.blockagesPerMonth()).containsExactly(new MonthlyBlockages("2026-03", 5, 5, false));
    Collections.reverse(log);
    assertThat(stats()).as("a correction read before the event it corrects").isEqualTo(ordered);
  }

  @Test
  void aReplacedDecisionCountsAtItsCorrectedDateAndAWithdrawnApiCoversNoDay() {
    LocalDate submitted = LocalDate.of(2025, 6, 1);
    cases(5, "a1", "93", c -> c.submitted(submitted).decision(submitted.plusDays(10), Decision.GRANTED)
        .replacing(c.last(), submitted.plusDays(40), DecisionReceived.newBuilder().setDecision(Decision.GRANTED).build(),
            submitted.plusDays(41)));
    // Permit expired 31 Jan, an API recorded in error for February: all of February and 1-10 March without API.
    cases(5, "a1", "13", c -> c.submitted(LocalDate.of(2025, 12, 1))
        .api(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).withdrawing(c.last(), LocalDate.of(2026, 2, 3)));

    FederationStats stats = stats();

    assertThat(stats.timeToDecision()).containsExactly(new FederationStats.DecisionDelayCell("93", 5, 40.0, 40, 40, false));
    assertThat(stats.daysWithoutApi()).containsExactly(
        new FederationStats.ApiGapCell("13", "2026-02", 5, 5 * 28, false),
        new FederationStats.ApiGapCell("13", "2026-03", 5, 5 * 10, false));
  }

  @Test
  void theResultDoesNotDependOnTheOrderOfTheLog() {
    cases(7, "a1", "93", c -> c.submitted(LocalDate.of(2025, 12, 1)).blockage(MARCH_2, BlockageKind.NO_NEWS_IN_INSTRUCTION)
        .ccc(MARCH_2, CccOutcome.NO_ANSWER).decision(MARCH_2.plusDays(1), Decision.GRANTED));
    cases(6, "a2", "75", c -> c.submitted(LocalDate.of(2026, 1, 5)).blockage(LocalDate.of(2026, 2, 3), BlockageKind.API_NOT_ISSUED));
    FederationStats ordered = stats();

    Collections.shuffle(log, new Random(42));

    assertThat(stats()).isEqualTo(ordered);
  }

  @Test
  void eventsAfterTheReportDateAreLeftOut() {
    cases(5, "a1", "93", c -> c.blockage(AS_OF.plusDays(1), BlockageKind.CANNOT_SUBMIT)
        .ccc(AS_OF.plusDays(1), CccOutcome.NO_ANSWER));

    FederationStats stats = stats();

    assertThat(stats.blockages()).isEmpty();
    assertThat(stats.cccAttempts()).isEmpty();
  }

  @Test
  void oneAssociationOnly() {
    cases(5, "a1", "93", c -> c.blockage(MARCH_2, BlockageKind.CANNOT_SUBMIT));
    cases(5, "a2", "93", c -> c.blockage(MARCH_2, BlockageKind.CANNOT_SUBMIT));
    FederationStatsCollector collector = new FederationStatsCollector("a2");
    collector.acceptAll(log);

    FederationStats stats = collector.compute(AS_OF);

    assertThat(stats.cases()).isEqualTo(5);
    assertThat(cell(stats, "93").cases()).isEqualTo(5);
  }

  @Test
  void outputsNameNoCaseAndNoAssociation() {
    cases(5, "assoc-secret-1", "93", c -> c.submitted(LocalDate.of(2025, 12, 1)).blockage(MARCH_2, BlockageKind.CANNOT_SUBMIT)
        .ccc(MARCH_2, CccOutcome.NO_ANSWER).decision(MARCH_2.plusDays(1), Decision.GRANTED));
    FederationStats stats = stats();

    List<String> outputs = new ArrayList<>();
    outputs.add(JsonOutput.toJson(stats));
    for (StatsCsv.Table table : StatsCsv.Table.values()) {
      outputs.add(StatsCsv.toCsv(stats, table));
    }
    outputs.add(BlockageChartSvg.render(stats));

    for (String output : outputs) {
      assertThat(output).doesNotContain("assoc-secret-1");
      caseIds.forEach(id -> assertThat(output).doesNotContain(id));
    }
    assertThat(outputs.get(0)).contains("\"asOf\" : \"2026-03-10\"", "\"kind\" : \"CANNOT_SUBMIT\"");
  }

  @Test
  void csvHasAHeaderAndEmptyFieldsForSuppressedFigures() {
    cases(5, "a1", "93", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED));
    cases(4, "a1", "75", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED));
    cases(6, "a1", "94", c -> c.blockage(MARCH_2, BlockageKind.ACCOUNT_LOCKED));

    assertThat(StatsCsv.toCsv(stats(), StatsCsv.Table.BLOCKAGES).split("\r\n")).containsExactly(
        "department,month,kind,cases,reports,suppressed",
        "75,2026-03,ACCOUNT_LOCKED,,,true",
        "93,2026-03,ACCOUNT_LOCKED,,,true",
        "94,2026-03,ACCOUNT_LOCKED,6,6,false");
  }

  @Test
  void theChartIsWellFormedSvgWithEveryMonthBetweenTheFirstAndTheLast() throws Exception {
    cases(6, "a1", "93", c -> c.blockage(LocalDate.of(2026, 1, 10), BlockageKind.ACCOUNT_LOCKED)
        .blockage(MARCH_2, BlockageKind.REQUEST_LOST));
    cases(2, "a1", "93", c -> c.blockage(LocalDate.of(2026, 4, 1), BlockageKind.REQUEST_LOST));
    cases(5, "a1", "93", c -> c.blockage(LocalDate.of(2026, 5, 1), BlockageKind.REQUEST_LOST));
    FederationStatsCollector collector = new FederationStatsCollector();
    collector.acceptAll(log);

    String svg = BlockageChartSvg.render(collector.compute(LocalDate.of(2026, 5, 31)));

    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(svg).contains("janv. 2026", "févr. 2026", "mars 2026", "avr. 2026", "mai 2026", "Données au 31/05/2026", "Blocages ANEF signalés par mois",
        "&lt; 5");
    String english = BlockageChartSvg.render(collector.compute(LocalDate.of(2026, 5, 31)), true);
    assertThat(english).contains("ANEF blockages reported per month", "Data as of 31 May 2026", "Jan 2026", "Reports", "&lt; 5")
        .doesNotContain("Blocages", "Signalements", "janv.");
  }
}
