package org.vigie.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.rules.RandomCases;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;

class ReconcilerWithoutTextTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void derivesTheSameAlertsAndStatesWithAnEmptyMessage() {
    RuleEngine engine = RuleEngine.standard();
    Reconciler withText = new Reconciler(engine, PARIS);
    Reconciler withoutText = Reconciler.withoutText(engine, PARIS);
    CaseFold fold = new CaseFold();
    RandomCases cases = new RandomCases(23);
    List<CaseAlert> texts = new ArrayList<>();
    List<CaseAlert> bare = new ArrayList<>();
    for (int c = 0; c < 200; c++) {
      CaseState a = null;
      CaseState b = null;
      Instant now = Instant.parse("2026-06-01T06:00:00Z");
      for (CaseEvent e : cases.history("case-" + c, true)) {
        a = fold.apply(a, e);
        b = fold.apply(b, e);
        now = now.plusSeconds(86_400L * 9);
        texts.addAll(withText.reconcile(a, now, engine.defaults()));
        bare.addAll(withoutText.reconcile(b, now, engine.defaults()));
        assertThat(b).isEqualTo(a);
      }
    }
    assertThat(texts).hasSizeGreaterThan(200).allSatisfy(alert -> assertThat(alert.getMessage().getFr()).isNotEmpty());
    assertThat(bare).allSatisfy(alert -> assertThat(alert.getMessage()).isSameAs(AlertDiff.NO_TEXT));
    List<CaseAlert> cleared = texts.stream()
        .map(alert -> CaseAlert.newBuilder(alert).setMessage(AlertDiff.NO_TEXT).build()).toList();
    assertThat(bare).isEqualTo(cleared);
  }
}
