package org.vigie.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.rules.RandomCases;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.serde.AvroSerde;

/**
 * The fold gives the same state for the same events in any recording order, with any duplicates;
 * a correction is recorded after the event it corrects (intake corrects only what it holds).
 */
class CaseFoldPropertyTest {
  private static final AvroSerde<CaseState> SERDE = AvroSerde.of(CaseState.class);
  private final CaseFold fold = new CaseFold();

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.range(0, 300);
  }

  private CaseState foldAll(List<CaseEvent> events) {
    CaseState state = null;
    for (CaseEvent e : events) {
      state = fold.apply(state, e);
    }
    return state;
  }

  @org.junit.jupiter.api.Test
  void theInitialStateHoldsTheSchemaDefaults() {
    CaseState fromSchema = CaseState.newBuilder().setCaseId("c-1").setAssociationId("a-1").build();

    assertThat(SERDE.encode(fold.initial("c-1", "a-1"))).isEqualTo(SERDE.encode(fromSchema));
    assertThat(fold.initial("c-1", "a-1")).isEqualTo(fromSchema);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyOrderAndDuplicatesGiveTheSameState(long seed) {
    RandomCases cases = new RandomCases(seed);
    List<CaseEvent> inOrder = cases.history("case-" + seed, true);
    List<CaseEvent> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, cases.random());
    for (int i = 0; i < 3 && !inOrder.isEmpty(); i++) {
      shuffled.add(cases.random().nextInt(shuffled.size() + 1), inOrder.get(cases.random().nextInt(inOrder.size())));
    }
    shuffled = RandomCases.targetsFirst(shuffled);
    // compared encoded: Avro's generated equals cannot compare arrays of records with optional dates
    assertThat(SERDE.encode(foldAll(shuffled))).as("seed %d", seed).isEqualTo(SERDE.encode(foldAll(inOrder)));
  }
}
