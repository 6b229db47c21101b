package org.vigie.intake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.intake.support.TestIntake;

/** The benchmark itself works (a tiny run; the real figures come from a run by hand). */
class IntakeBenchTest {
  @Test
  void aShortRunMeasuresPostsAndImports() throws Exception {
    IntakeBench bench = new IntakeBench("http://localhost:" + TestIntake.service().port(), TestIntake.ADMIN_TOKEN,
        new IntakeBench.Options(2, 1, 0, 1, 50, 25, 30, 2, true));
    IntakeBench.Result r = bench.singleEvents();
    assertThat(r.ok()).isPositive();
    assertThat(r.failed()).isZero();
    assertThat(r.p99Micros()).isGreaterThanOrEqualTo(r.p50Micros());
    IntakeBench.ImportResult imp = bench.csvImport();
    // the 30 warm-up lines are imported but not counted
    assertThat(imp.rows()).isEqualTo(50);
    assertThat(imp.events()).isEqualTo(150);
  }

  @Test
  void anImportsCountsAreReadWhereverTheyStandAndTheirAbsenceIsAnError() throws Exception {
    byte[] answer = "{\"lines\":3,\"report\":[{\"line\":2,\"events\":9}],\"accepted\":2,\"events\":6}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(IntakeBench.counts(answer, "events", "accepted")).containsExactly(6, 2);
    byte[] partial = "{\"lines\":3,\"accepted\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntakeBench.counts(partial, "events", "accepted"))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("events");
  }
}
