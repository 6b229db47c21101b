package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.rules.RandomCases;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CorrectionKind;

/**
 * Random histories of a few cases through the topology, recorded in two different orders with the
 * clock moving between batches. Invariants: for a case and rule at most one alert id is open and a
 * re-RAISE of it only raises its severity, hands it over to another volunteer, moves its deadline or changes its
 * next steps; nothing is raised on a case once it is closed or erased;
 * both recording orders end with the same open alerts. A closure corrected or withdrawn may reopen
 * its case.
 */
class TopologyPropertyTest {
  static LongStream seeds() {
    return LongStream.range(0, 30);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void invariantsHoldForRandomHistories(long seed) {
    RandomCases cases = new RandomCases(seed);
    List<CaseEvent> events = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      events.addAll(cases.history("case-" + seed + "-" + c, true));
    }
    int days = 60 + cases.random().nextInt(300);
    List<CaseEvent> first = new ArrayList<>(events);
    Collections.shuffle(first, new Random(seed * 31 + 1));
    first = RandomCases.targetsFirst(first);
    List<CaseEvent> second = new ArrayList<>(events);
    Collections.shuffle(second, new Random(seed * 31 + 2));
    second = RandomCases.targetsFirst(second);

    Map<String, String> openFirst = run(seed, first, days);
    Map<String, String> openSecond = run(seed, second, days);
    // the same conditions open, by rule and episode: an order that closed an alert on the way and raised it again
    // gave it a new id (its volunteer was told it closed, then of the new alert)
    assertThat(openSecond).as("seed %d: same events in another order, same open alerts", seed).isEqualTo(openFirst);
  }

  private Map<String, String> run(long seed, List<CaseEvent> events, int days) {
    try (RulesDriver driver = new RulesDriver()) {
      Set<String> erased = new HashSet<>();
      Map<String, String> closures = new HashMap<>(); // closure event id -> case, while not corrected
      Map<String, CaseAlert> open = new HashMap<>();
      Set<String> resolved = new HashSet<>();
      int batches = 4;
      for (int b = 0; b < batches; b++) {
        for (int i = b * events.size() / batches; i < (b + 1) * events.size() / batches; i++) {
          CaseEvent e = events.get(i);
          driver.record(e);
          if (e.getPayload() instanceof CaseClosed && e.getCorrection() != null) {
            closures.remove(e.getCorrection().getEventId()); // a closure corrected or withdrawn may reopen the case
          }
          if (e.getPayload() instanceof CaseClosed && !e.getOccurredOn().isAfter(driver.today())
              && (e.getCorrection() == null || e.getCorrection().getKind() == CorrectionKind.REPLACES)) {
            closures.put(e.getEventId(), e.getCaseId());
          }
          if (e.getPayload() instanceof CaseErased && !e.getOccurredOn().isAfter(driver.today())) {
            erased.add(e.getCaseId());
          }
          Set<String> unwatched = new HashSet<>(erased);
          unwatched.addAll(closures.values());
          check(seed, driver.newAlerts(), open, resolved, unwatched);
        }
        driver.advanceDays(days / batches);
        Set<String> unwatched = new HashSet<>(erased);
        unwatched.addAll(closures.values());
        check(seed, driver.newAlerts(), open, resolved, unwatched);
      }
      return driver.openEpisodes();
    }
  }

  private static void check(long seed, List<CaseAlert> alerts, Map<String, CaseAlert> open, Set<String> resolved,
      Set<String> unwatched) {
    for (CaseAlert a : alerts) {
      String key = a.getCaseId() + "|" + a.getRule();
      CaseAlert current = open.get(key);
      if (a.getStatus() == AlertStatus.RAISED) {
        assertThat(unwatched).as("seed %d: raised on a closed case: %s", seed, a).doesNotContain(a.getCaseId());
        // a condition that comes back is a new episode, a new alert: its consumers keep a resolved one resolved
        assertThat(resolved).as("seed %d: raised again under the id of an alert resolved: %s", seed, a)
            .doesNotContain(a.getAlertId());
        if (current != null) {
          assertThat(a.getAlertId()).as("seed %d: two open alerts for %s", seed, key).isEqualTo(current.getAlertId());
          if (a.getSeverity() == current.getSeverity()) {
            // a hand-over, a deadline moved (a corrected fact), or new next steps (a refusal recorded or no longer)
            assertThat(!Objects.equals(a.getAssignedVolunteerId(), current.getAssignedVolunteerId())
                || !Objects.equals(a.getDeadline(), current.getDeadline()) || !a.getMessage().equals(current.getMessage()))
                .as("seed %d: a re-raise at the same severity hands %s over, moves its deadline or changes its text: %s",
                    seed, key, a).isTrue();
          } else {
            assertThat(a.getSeverity()).as("seed %d: a re-raise only escalates %s or hands it over", seed, key)
                .isGreaterThan(current.getSeverity());
          }
        }
        open.put(key, a);
      } else {
        assertThat(current).as("seed %d: resolved an alert that is not open: %s", seed, a).isNotNull();
        assertThat(a.getAlertId()).isEqualTo(current.getAlertId());
        open.remove(key);
        resolved.add(a.getAlertId());
      }
    }
  }

}
