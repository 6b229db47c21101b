package org.vigie.intake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.intake.support.TestIntake;

/** The benchmark itself works (a tiny run; the real figures come from a run by hand). */
class IntakeBenchTest {
  @Test
  void aShortRunMeasuresPostsAndImports() throws Exception {
    IntakeBench bench = new IntakeBench("http://localhost:" + TestIntake.service().port(), TestIntake.ADMIN_TOKEN, 2, 1, 0, 1, 50, 25, 30);
    IntakeBench.Result r = bench.singleEvents();
    assertThat(r.ok()).isPositive();
    assertThat(r.failed()).isZero();
    assertThat(r.p99Micros()).isGreaterThanOrEqualTo(r.p50Micros());
    IntakeBench.ImportResult imp = bench.csvImport();
    // the 30 warm-up lines are imported but not counted
    assertThat(imp.rows()).isEqualTo(50);
    assertThat(imp.events()).isEqualTo(150);
  }
}
