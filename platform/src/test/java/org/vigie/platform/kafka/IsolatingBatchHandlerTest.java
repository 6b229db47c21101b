package org.vigie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IsolatingBatchHandlerTest {
  private final List<String> handled = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();

  /** Records all of a batch in one "transaction", or none when one of them is refused with {@code sqlState}. */
  private BatchHandler database(String sqlState) {
    return records -> {
      if (records.stream().anyMatch(r -> r.value().length == 0)) {
        throw new IllegalStateException("batch failed", new SQLException("refused", sqlState));
      }
      records.forEach(r -> handled.add(r.key()));
    };
  }

  private static List<ConsumerRecord<String, byte[]>> batch(String... keys) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      out.add(new ConsumerRecord<>("t", 0, i, keys[i], keys[i].startsWith("bad") ? new byte[0] : new byte[] {1}));
    }
    return out;
  }

  @Test
  void aRecordTheDatabaseRefusesIsHandedOverAndTheOthersRecorded() throws Exception {
    BatchHandler handler = IsolatingBatchHandler.of(database("22021"), (r, e) -> refused.add(r.key()));

    handler.handle(batch("a", "bad", "b"));

    assertThat(handled).containsExactly("a", "b");
    assertThat(refused).containsExactly("bad");
  }

  @Test
  void anyOtherFailureIsThrownSoThatTheBatchIsRetried() {
    BatchHandler handler = IsolatingBatchHandler.of(database("08006"), (r, e) -> refused.add(r.key()));

    assertThatThrownBy(() -> handler.handle(batch("a", "bad", "b"))).hasMessage("batch failed");
    assertThat(handled).isEmpty();
    assertThat(refused).isEmpty();
  }
}
