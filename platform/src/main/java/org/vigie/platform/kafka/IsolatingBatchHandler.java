package org.vigie.platform.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.vigie.platform.db.DataErrors;

/**
 * Keeps a record the database refuses from holding back every record after it. A batch that fails on a data
 * exception ({@link DataErrors}), which every retry would meet again, is handled again one record at a time, and
 * the record that still fails on its own is handed to {@code refused} (dead-letter topic, warning); any other
 * failure is thrown as it was, and the consumer retries the batch. Records handled twice this way are handled by
 * idempotent handlers, as after any retry.
 */
public final class IsolatingBatchHandler implements BatchHandler {
  /** What to do with a record the database refuses on its own. */
  @FunctionalInterface
  public interface Refused {
    void accept(ConsumerRecord<String, byte[]> record, Exception error) throws Exception;
  }

  private final BatchHandler delegate;
  private final Refused refused;

  private IsolatingBatchHandler(BatchHandler delegate, Refused refused) {
    this.delegate = delegate;
    this.refused = refused;
  }

  public static BatchHandler of(BatchHandler delegate, Refused refused) {
    return new IsolatingBatchHandler(delegate, refused);
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) throws Exception {
    try {
      delegate.handle(records);
    } catch (Exception e) {
      if (!DataErrors.isDataError(e)) {
        throw e;
      }
      for (ConsumerRecord<String, byte[]> record : records) {
        try {
          delegate.handle(List.of(record));
        } catch (Exception single) {
          if (!DataErrors.isDataError(single)) {
            throw single;
          }
          refused.accept(record, single);
        }
      }
    }
  }
}
