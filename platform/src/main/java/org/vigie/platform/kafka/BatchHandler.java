package org.vigie.platform.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Handles one polled batch; returning normally means the batch is durably recorded and its offsets may be committed. */
@FunctionalInterface
public interface BatchHandler {
  void handle(List<ConsumerRecord<String, byte[]>> records) throws Exception;
}
