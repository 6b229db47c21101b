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
import org.vigie.schemas.CaseAlert;
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
    assertThat(states).anyMatch(s -> s.getDecision() != null && s.getDecision().getAppealDeadline() != null);
    assertThat(states).anyMatch(s -> s.getDecision() != null && s.getDecision().getOqtfTerms() != null);
    assertThat(states).anySatisfy(s -> assertThat(s.getSituations()).isNotEmpty());
    assertThat(states).anyMatch(s -> s.getSituations().stream().anyMatch(f -> f.getAppeal() != null));
    assertThat(states).anySatisfy(s -> assertThat(s.getResolvedEpisodes()).isNotEmpty());
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
    folded.put("department", "dép-€-\uD83D\uDE00-fin"); // two, three and four UTF-8 bytes
    assertThat(serde.serialize("t", folded)).isEqualTo(avro.serialize("t", folded));
    for (String unpaired : new String[] {"a\uD800b", "a\uDC00b", "fin\uD800"}) {
      folded.put("department", unpaired); // written as the JDK writes it: a replacement character
      assertThat(serde.serialize("t", folded)).as(unpaired).isEqualTo(avro.serialize("t", folded));
    }
    assertThat(serde.serialize("t", null)).isNull();
  }

  @Test
  void withAnotherSchemaTheSerdeWritesThroughAvro() {
    CaseStateSerde generic = new CaseStateSerde(false);
    for (CaseState state : states(20)) {
      assertThat(generic.serialize("t", state)).isEqualTo(avro.serialize("t", state));
    }
  }

  @Test
  void theAlertWriterFollowsTheCurrentCaseAlertSchemaAndWritesAvrosBytes() {
    assertThat(CaseAlertSerializer.currentFingerprint())
        .as("CaseAlert changed: update CaseAlertSerializer to the new schema, then WRITTEN_FOR")
        .isEqualTo(CaseAlertSerializer.WRITTEN_FOR);
    CaseAlertSerializer alerts = new CaseAlertSerializer();
    assertThat(alerts.handCoded()).isTrue();
    AvroSerde<CaseAlert> avroAlerts = AvroSerde.of(CaseAlert.class);
    List<CaseAlert> emitted = new ArrayList<>();
    states(300, emitted);
    assertThat(emitted).hasSizeGreaterThan(100)
        .anySatisfy(a -> assertThat(a.getDeadline()).isNotNull())
        .anySatisfy(a -> assertThat(a.getMessage().getFr()).matches(".*[^\\x00-\\x7F].*"));
    for (CaseAlert alert : emitted) {
      assertThat(alerts.serialize("t", alert)).as("alert %s", alert.getAlertId())
          .isEqualTo(avroAlerts.serialize("t", alert));
    }
    CaseAlert first = emitted.get(0);
    assertThat(new CaseAlertSerializer(false).serialize("t", first)).isEqualTo(avroAlerts.serialize("t", first));
    for (org.vigie.schemas.Resolution why : org.vigie.schemas.Resolution.values()) {
      CaseAlert resolved = CaseAlert.newBuilder(first).setStatus(org.vigie.schemas.AlertStatus.RESOLVED)
          .setLapsed(why == org.vigie.schemas.Resolution.DEADLINE_PASSED).setResolution(why).build();
      assertThat(alerts.serialize("t", resolved)).as("resolved %s", why).isEqualTo(avroAlerts.serialize("t", resolved));
    }
    assertThat(alerts.serialize("t", null)).isNull();
  }

  private static List<CaseState> states(int count) {
    return states(count, new ArrayList<>());
  }

  private static List<CaseState> states(int count, List<CaseAlert> emitted) {
    RandomCases cases = new RandomCases(11);
    CaseFold fold = new CaseFold();
    RuleEngine engine = RuleEngine.standard();
    AlertDiff diff = new AlertDiff(engine.rules());
    List<CaseState> states = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      CaseState state = null;
      for (CaseEvent e : cases.history("case-" + c, true)) {
        state = fold.apply(state, e);
      }
      // evaluated in July then in September: some alerts raised in July are resolved by then
      for (LocalDate day : List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 15))) {
        Evaluation evaluation = engine.evaluate(state, day, engine.defaults());
        AlertDiff.Outcome outcome = diff.apply(state, evaluation, day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        if (day.getMonthValue() == 9) {
          emitted.addAll(outcome.emitted());
        }
        state.put("openAlerts", outcome.open());
        state.put("resolvedEpisodes", outcome.resolved());
        state.put("nextDueAt", evaluation.nextChange().map(d -> d.toEpochDay() * 86_400_000L).orElse(null));
      }
      states.add(state);
    }
    return states;
  }
}
