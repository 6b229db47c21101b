package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.rules.Events;
import org.vigie.rules.RandomCases;
import org.vigie.rules.engine.AlertDiff;
import org.vigie.rules.engine.Evaluation;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.serde.AvroSerde;

class CaseStateSerdeTest {
  private final AvroSerde<CaseState> avro = AvroSerde.of(CaseState.class);
  private final CaseStateSerde serde = new CaseStateSerde();

  @Test
  void theHandCodedWriterFollowsTheCurrentCaseStateSchema() {
    assertThat(CaseStateSerde.currentFingerprint())
        .as("CaseState changed: update CaseStateSerde's writer to the new schema, then WRITTEN_FOR")
        .isEqualTo(CaseStateSerde.WRITTEN_FOR);
    assertThat(serde.handCoded()).isTrue();
  }

  @Test
  void writesTheSameBytesAsAvroForRandomFoldedAndEvaluatedStates() {
    List<CaseState> states = states(300);
    assertThat(states).anySatisfy(s -> assertThat(s.getOpenAlerts()).isNotEmpty());
    assertThat(states).anySatisfy(s -> assertThat(s.getDecision()).isNotNull());
    assertThat(states).anySatisfy(s -> assertThat(s.getSituations()).isNotEmpty());
    for (CaseState state : states) {
      byte[] bytes = serde.serialize("t", state);
      assertThat(bytes).as("state %s", state.getCaseId()).isEqualTo(avro.serialize("t", state));
      assertThat(avro.serialize("t", serde.deserialize("t", bytes))).as("read back").isEqualTo(bytes);
    }
  }

  @Test
  void writesNonAsciiTextAndEmptyStatesLikeAvro() {
    CaseState empty = new CaseFold().initial("dossier-é", "association-ü-€");
    assertThat(serde.serialize("t", empty)).isEqualTo(avro.serialize("t", empty));
    CaseState folded = new CaseFold().apply(null, new Events("dossier-ñ", "asso-ç").opened(
        LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1)));
    folded.put("department", "2A-Corse-du-Sud-é");
    assertThat(serde.serialize("t", folded)).isEqualTo(avro.serialize("t", folded));
    assertThat(serde.serialize("t", null)).isNull();
  }

  @Test
  void withAnotherSchemaTheSerdeWritesThroughAvro() {
    CaseStateSerde generic = new CaseStateSerde(false);
    for (CaseState state : states(20)) {
      assertThat(generic.serialize("t", state)).isEqualTo(avro.serialize("t", state));
    }
  }

  private static List<CaseState> states(int count) {
    RandomCases cases = new RandomCases(11);
    CaseFold fold = new CaseFold();
    RuleEngine engine = RuleEngine.standard();
    AlertDiff diff = new AlertDiff(engine.rules());
    Instant now = Instant.parse("2026-09-15T07:00:00Z");
    List<CaseState> states = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      CaseState state = null;
      for (CaseEvent e : cases.history("case-" + c, true)) {
        state = fold.apply(state, e);
      }
      Evaluation evaluation = engine.evaluate(state, LocalDate.of(2026, 9, 15), engine.defaults());
      state.put("openAlerts", diff.apply(state, evaluation, now).open());
      state.put("nextDueAt", evaluation.nextChange().map(d -> d.toEpochDay() * 86_400_000L).orElse(null));
      states.add(state);
    }
    return states;
  }
}
