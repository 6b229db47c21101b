package org.vigie.rules.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigie.rules.engine.AlertDiff;
import org.vigie.rules.engine.Evaluation;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.serde.AvroSerde;

/** CPU cost per event of the pure parts (fold, evaluate, diff, state encoding), without Kafka. */
public final class EngineMicroBench {
  private EngineMicroBench() {}

  public static void main(String[] args) {
    List<CaseEvent> events = BenchEvents.generate(20_000, 200_000, 7);
    RuleEngine engine = RuleEngine.standard();
    AlertDiff diff = new AlertDiff(engine.rules());
    CaseFold fold = new CaseFold();
    AvroSerde<CaseState> serde = AvroSerde.of(CaseState.class);
    LocalDate today = LocalDate.of(2026, 9, 15);
    for (int round = 0; round < 3; round++) {
      Map<String, byte[]> store = new HashMap<>();
      long tFold = 0, tEval = 0, tSerde = 0;
      for (CaseEvent e : events) {
        long t0 = System.nanoTime();
        byte[] bytes = store.get(e.getCaseId());
        CaseState s = bytes == null ? null : serde.decode(bytes);
        long t1 = System.nanoTime();
        s = fold.apply(s, e);
        long t2 = System.nanoTime();
        Evaluation ev = engine.evaluate(s, today, engine.defaults());
        AlertDiff.Outcome out = diff.apply(s, ev, java.time.Instant.EPOCH);
        s.put("openAlerts", out.open());
        s.put("resolvedEpisodes", out.resolved());
        long t3 = System.nanoTime();
        store.put(e.getCaseId(), serde.encode(s));
        long t4 = System.nanoTime();
        tSerde += (t1 - t0) + (t4 - t3);
        tFold += t2 - t1;
        tEval += t3 - t2;
      }
      System.out.printf("per event: serde %.1f us, fold %.1f us, evaluate+diff %.1f us%n",
          tSerde / 1e3 / events.size(), tFold / 1e3 / events.size(), tEval / 1e3 / events.size());
    }
  }
}
