package org.vigie.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.audit.bench.SyntheticHistory;
import org.vigie.audit.testing.TopicWriter;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.rule.RuleSets;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.topics.Topics;

class ReplayerTest {
  private static final KafkaSettings KAFKA = SharedKafka.settings();
  private static final String ASSOCIATION = "asso-replay-" + UUID.randomUUID();
  private static final Instant UNTIL = LocalDate.of(2026, 10, 1).atStartOfDay(RulesConfig.PARIS).toInstant();
  private static List<CaseEvent> events;
  private static List<CaseAlert> live;

  @BeforeAll
  static void liveHistory() {
    SyntheticHistory history = new SyntheticHistory(20261126L, LocalDate.of(2025, 6, 1), 240, 8);
    events = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      events.addAll(history.nextCase(ASSOCIATION));
    }
    events.sort(Comparator.comparing(CaseEvent::getRecordedAt));
    live = LivePipeline.run(events, UNTIL);
    TopicWriter.write(KAFKA, Topics.CASE_EVENTS, events, CaseEvent::getCaseId);
    TopicWriter.write(KAFKA, Topics.CASE_ALERTS, live, CaseAlert::getCaseId);
  }

  private static Replayer replayer() {
    return new Replayer(KAFKA, RuleEngine.standard(), RulesConfig.PARIS);
  }

  private static final class Recorder implements ReplayListener {
    final List<CaseAlert> alerts = new ArrayList<>();
    final List<AlertDifference> differences = new ArrayList<>();
    final List<ReplayProgress> progress = new ArrayList<>();

    @Override
    public void alert(CaseAlert alert) {
      alerts.add(alert);
    }

    @Override
    public void difference(AlertDifference difference) {
      differences.add(difference);
    }

    @Override
    public void progress(ReplayProgress p) {
      progress.add(p);
    }
  }

  @Test
  void theReplayDerivesTheLiveAlertsSameIdsSameDays() {
    Recorder recorder = new Recorder();

    ReplayReport report = replayer().replay(ReplayOptions.all(UNTIL).forAssociation(ASSOCIATION), recorder);

    Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
    live.forEach(a -> rules.add(a.getRule()));
    assertThat(rules).as("a history that exercises many rules").hasSizeGreaterThanOrEqualTo(8);
    assertThat(events).as("with erased and closed cases").anyMatch(e -> e.getPayload() instanceof CaseErased)
        .anyMatch(e -> e.getPayload() instanceof CaseClosed);
    assertThat(events).as("with cases handed over to another volunteer")
        .anyMatch(e -> e.getPayload() instanceof org.vigie.schemas.VolunteerAssigned);
    assertThat(live).as("alerts handed over").anyMatch(a -> a.getStatus() == org.vigie.schemas.AlertStatus.RAISED
        && live.stream().anyMatch(b -> b.getAlertId().equals(a.getAlertId()) && b.getSeverity() == a.getSeverity()
            && b.getStatus() == a.getStatus() && !java.util.Objects.equals(b.getAssignedVolunteerId(), a.getAssignedVolunteerId())));
    assertThat(live).as("times to appeal ended by an appeal before the court, before their deadline")
        .anyMatch(a -> a.getRule() == RuleId.APPEAL_DEADLINE && a.getStatus() == org.vigie.schemas.AlertStatus.RESOLVED
            && a.getDeadline() != null && a.getEmittedAt().isBefore(a.getDeadline().atStartOfDay(RulesConfig.PARIS).toInstant()));
    assertThat(recorder.differences).isEmpty();
    assertThat(report.matchesLive()).isTrue();
    assertThat(report.eventsReplayed()).as("events recorded by the end of the replay")
        .isEqualTo(events.stream().filter(e -> !e.getRecordedAt().isAfter(UNTIL)).count()).isLessThan(events.size());
    assertThat(report.cases()).isEqualTo(150);
    assertThat(report.liveAlerts()).isEqualTo(live.size());
    assertThat(sortedKeys(recorder.alerts)).isEqualTo(sortedKeys(live));
    assertThat(recorder.progress).isNotEmpty();
    assertThat(recorder.progress.get(recorder.progress.size() - 1).fraction()).isEqualTo(1.0);
  }

  @Test
  void replayedWithTheFirstRuleSetTheRefusalsAppealDeadlinesAndTheFinalImplicitRejectionsAreMissing() {
    Recorder recorder = new Recorder();

    ReplayReport report = new Replayer(KAFKA, RuleEngine.named(RuleSets.V1), RulesConfig.PARIS)
        .replay(ReplayOptions.all(UNTIL).forAssociation(ASSOCIATION), recorder);

    assertThat(report.matchesLive()).isFalse();
    assertThat(recorder.differences).as("the live alerts of the current rules that the first set did not raise")
        .isNotEmpty().allSatisfy(d -> {
          assertThat(d.side()).isEqualTo(AlertDifference.Side.LIVE_ONLY);
          assertThat(d.alert().rule()).isIn(RuleId.APPEAL_DEADLINE, RuleId.IMPLICIT_REJECTION);
          if (d.alert().rule() == RuleId.IMPLICIT_REJECTION) {
            // told again the day after its time to contest ended, that last day its deadline
            assertThat(live).as("an implicit rejection told final").anySatisfy(a -> {
              assertThat(a.getAlertId()).isEqualTo(d.alert().alertId());
              assertThat(a.getRuleVersion()).isEqualTo("3");
              assertThat(a.getDeadline()).isEqualTo(d.alert().day().minusDays(1));
              assertThat(a.getMessage().getFr()).contains("le rejet est devenu définitif");
            });
            return;
          }
          CaseAlert alert = live.stream().filter(a -> a.getAlertId().equals(d.alert().alertId())).findFirst().orElseThrow();
          assertThat(alert.getRuleVersion()).isEqualTo("6");
          assertThat(events).as("an explicit refusal on the day the episode starts").anyMatch(e ->
              e.getCaseId().equals(alert.getCaseId()) && e.getOccurredOn().equals(alert.getEpisodeStart())
                  && e.getPayload() instanceof org.vigie.schemas.DecisionReceived r
                  && r.getDecision() != org.vigie.schemas.Decision.GRANTED);
        });
    assertThat(recorder.differences).extracting(d -> d.alert().rule())
        .contains(RuleId.APPEAL_DEADLINE, RuleId.IMPLICIT_REJECTION);
  }

  @Test
  void aHistoryWithReplacementsAndWithdrawalsReplaysToTheLiveAlerts() {
    String association = "asso-corrections-" + UUID.randomUUID();
    List<CaseEvent> log = cases(new SyntheticHistory(17L, LocalDate.of(2025, 9, 1), 120, 8, 15), association, 40);
    Set<String> corrections = new HashSet<>();
    log.forEach(e -> {
      if (e.getCorrection() != null) {
        corrections.add(e.getEventId());
      }
    });
    assertThat(log).as("replacements, withdrawals, and corrections of corrections")
        .anyMatch(e -> e.getCorrection() != null && e.getCorrection().getKind() == CorrectionKind.REPLACES)
        .anyMatch(e -> e.getCorrection() != null && e.getCorrection().getKind() == CorrectionKind.WITHDRAWS)
        .anyMatch(e -> e.getCorrection() != null && corrections.contains(e.getCorrection().getEventId()));
    List<CaseAlert> alerts = LivePipeline.run(log, UNTIL);
    List<CaseEvent> uncorrected = log.stream().map(e -> CaseEvent.newBuilder(e).setCorrection(null).build()).toList();
    assertThat(sortedKeys(LivePipeline.run(uncorrected, UNTIL))).as("the corrections change the live alerts")
        .isNotEqualTo(sortedKeys(alerts));
    TopicWriter.write(KAFKA, Topics.CASE_EVENTS, log, CaseEvent::getCaseId);
    TopicWriter.write(KAFKA, Topics.CASE_ALERTS, alerts, CaseAlert::getCaseId);
    Recorder recorder = new Recorder();

    ReplayReport report = replayer().replay(ReplayOptions.all(UNTIL).forAssociation(association), recorder);

    assertThat(recorder.differences).isEmpty();
    assertThat(report.matchesLive()).isTrue();
    assertThat(report.cases()).isEqualTo(40);
    assertThat(sortedKeys(recorder.alerts)).isEqualTo(sortedKeys(alerts));
  }

  @Test
  void twoReplaysPrintTheSameLinesWhateverTheThreads() {
    String once = printed(1);
    assertThat(once).isEqualTo(printed(1)).contains("ALERT ", "SUMMARY ").contains("match=true");
    assertThat(printed(3)).isEqualTo(once);
    // a resolution says why, a raise has none
    assertThat(once.lines().filter(l -> l.startsWith("ALERT ") && l.contains(" RESOLVED "))).isNotEmpty()
        .allSatisfy(l -> assertThat(l).containsPattern(" resolution=[A-Z_]+$"));
    assertThat(once.lines().filter(l -> l.startsWith("ALERT ") && l.contains(" RAISED "))).isNotEmpty()
        .allSatisfy(l -> assertThat(l).doesNotContain("resolution="));
  }

  @Test
  void aLiveAlertTheRulesWouldNotRaiseAndOneTheyWouldAreBothReported() {
    String association = "asso-diff-" + UUID.randomUUID();
    List<CaseEvent> small = cases(new SyntheticHistory(7L, LocalDate.of(2025, 9, 1), 60, 8), association, 15);
    List<CaseAlert> alerts = new ArrayList<>(LivePipeline.run(small, UNTIL));
    assertThat(alerts).hasSizeGreaterThan(2);
    CaseAlert missing = alerts.remove(0);
    CaseAlert forged = CaseAlert.newBuilder(alerts.get(0)).setAlertId(UUID.randomUUID().toString()).build();
    alerts.add(forged);
    TopicWriter.write(KAFKA, Topics.CASE_EVENTS, small, CaseEvent::getCaseId);
    TopicWriter.write(KAFKA, Topics.CASE_ALERTS, alerts, CaseAlert::getCaseId);
    Recorder recorder = new Recorder();

    ReplayReport report = replayer().replay(ReplayOptions.all(UNTIL).forAssociation(association), recorder);

    assertThat(report.replayOnly()).isEqualTo(1);
    assertThat(report.liveOnly()).isEqualTo(1);
    assertThat(recorder.differences).containsExactlyInAnyOrder(
        new AlertDifference(AlertDifference.Side.REPLAY_ONLY, AlertKey.of(missing, RulesConfig.PARIS)),
        new AlertDifference(AlertDifference.Side.LIVE_ONLY, AlertKey.of(forged, RulesConfig.PARIS)));
  }

  @Test
  void eventsTheLiveRulesRefuseAreLeftOutAsTheLiveRulesLeaveThemOut() {
    String association = "asso-refused-" + UUID.randomUUID();
    SyntheticHistory history = new SyntheticHistory(13L, LocalDate.of(2025, 9, 1), 60, 8);
    List<CaseEvent> log = cases(history, association, 5);
    String refusedCase = "case-\u0000-" + UUID.randomUUID(); // a control character in an id: dead-lettered live
    List<CaseEvent> refused = history.nextCase(association).stream()
        .map(e -> CaseEvent.newBuilder(e).setCaseId(refusedCase).build()).toList();
    log.addAll(refused);
    List<CaseAlert> alerts = LivePipeline.run(log, UNTIL);
    assertThat(alerts).isNotEmpty().noneMatch(a -> a.getCaseId().equals(refusedCase));
    TopicWriter.write(KAFKA, Topics.CASE_EVENTS, log, CaseEvent::getCaseId);
    TopicWriter.write(KAFKA, Topics.CASE_ALERTS, alerts, CaseAlert::getCaseId);
    Recorder recorder = new Recorder();

    ReplayReport report = replayer().replay(ReplayOptions.all(UNTIL).forAssociation(association), recorder);

    assertThat(recorder.differences).isEmpty();
    assertThat(report.cases()).isEqualTo(5);
    assertThat(report.unreadable()).isGreaterThanOrEqualTo(refused.size());
  }

  @Test
  void fromATimeReadsOnlyTheRecordsWrittenSince() throws Exception {
    String association = "asso-from-" + UUID.randomUUID();
    SyntheticHistory history = new SyntheticHistory(11L, LocalDate.of(2026, 1, 1), 90, 6);
    List<CaseEvent> before = new ArrayList<>();
    List<CaseEvent> after = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      before.addAll(history.nextCase(association));
      after.addAll(history.nextCase(association));
    }
    TopicWriter.write(KAFKA, Topics.CASE_EVENTS, before, CaseEvent::getCaseId);
    Instant from = Instant.now().plusMillis(5);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(from));
    TopicWriter.write(KAFKA, Topics.CASE_EVENTS, after, CaseEvent::getCaseId);

    ReplayReport report = replayer().replay(new ReplayOptions(association, from, UNTIL, true), ReplayListener.NONE);

    assertThat(report.eventsReplayed()).isEqualTo(after.stream().filter(e -> !e.getRecordedAt().isAfter(UNTIL)).count());
    assertThat(report.cases()).isEqualTo(10);
  }

  /** The events of {@code n} cases of {@code history}, one case after the other. */
  private static List<CaseEvent> cases(SyntheticHistory history, String association, int n) {
    List<CaseEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.addAll(history.nextCase(association));
    }
    return out;
  }

  private static String printed(int threads) {
    StringWriter text = new StringWriter();
    ReplayPrinter printer = new ReplayPrinter(new PrintWriter(text), line -> {});
    Replayer replayer = new Replayer(KAFKA, RuleEngine.standard(), RulesConfig.PARIS, threads);
    printer.summary(replayer.replay(ReplayOptions.all(UNTIL).forAssociation(ASSOCIATION), printer));
    return text.toString();
  }

  private static List<AlertKey> sortedKeys(List<CaseAlert> alerts) {
    return alerts.stream().map(a -> AlertKey.of(a, RulesConfig.PARIS)).sorted().toList();
  }
}
