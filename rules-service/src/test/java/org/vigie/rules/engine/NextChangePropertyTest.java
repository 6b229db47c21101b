package org.vigie.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.rules.RandomCases;
import org.vigie.rules.Scenario;
import org.vigie.schemas.CaseEvent;

/**
 * The engine's next change date is never late: between today and that date the answer stays the
 * same. That is what lets the topology sleep on a case until then.
 */
class NextChangePropertyTest {
  static LongStream seeds() {
    return LongStream.range(0, 120);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void nothingChangesBeforeTheNextChangeDate(long seed) {
    RandomCases cases = new RandomCases(seed);
    List<CaseEvent> events = cases.history("case-" + seed, true);
    Scenario scenario = Scenario.of(events.toArray(CaseEvent[]::new));
    LocalDate day = cases.someDay();
    for (int hops = 0; hops < 20; hops++) {
      Evaluation now = scenario.on(day);
      LocalDate horizon = day.plusDays(150);
      LocalDate limit = now.nextChange().filter(n -> n.isBefore(horizon)).orElse(horizon);
      for (LocalDate d = day.plusDays(1); d.isBefore(limit); d = d.plusDays(1)) {
        assertThat(scenario.on(d).conditions()).as("seed %d, evaluated %s, then %s (next change %s)",
            seed, day, d, now.nextChange()).isEqualTo(now.conditions());
      }
      // the check the reconciler makes before and after each event, without building a view, agrees with the view
      assertThat(org.vigie.rules.state.CaseView.refused(scenario.state(), day)).as("seed %d, refused on %s", seed, day)
          .isEqualTo(org.vigie.rules.state.CaseView.of(scenario.state(), day).refused());
      if (now.nextChange().isEmpty()) {
        break;
      }
      day = now.nextChange().get();
    }
  }
}
