package org.vigie.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoding of several records in one outbox row reads back exactly, nulls and non-ASCII keys included. */
class OutboxBatchTest {
  @Test
  void recordsReadBackAsWritten() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      OutboxBatch batch = new OutboxBatch(round);
      List<OutboxRecord> written = new ArrayList<>();
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        String key = random.nextInt(5) == 0 ? null : "clé-" + random.nextLong() + "-\u00e9\u4e2d";
        byte[] value = random.nextInt(5) == 0 ? null : new byte[random.nextInt(600)];
        if (value != null) {
          random.nextBytes(value);
        }
        written.add(batch.add(random.nextBoolean() ? "vigie.case-events.v1" : "vigie.directory.v1", key, value));
      }
      List<OutboxRecord> read = OutboxBatch.decode(round, batch.encode());
      assertThat(read).hasSize(n);
      for (int i = 0; i < n; i++) {
        OutboxRecord w = written.get(i);
        OutboxRecord r = read.get(i);
        assertThat(r.seq()).isEqualTo(round);
        assertThat(r.topic()).isEqualTo(w.topic());
        assertThat(r.key()).isEqualTo(w.key());
        assertThat(r.value()).isEqualTo(w.value());
      }
    }
  }
}
