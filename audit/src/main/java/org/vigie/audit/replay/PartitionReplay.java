package org.vigie.audit.replay;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.vigie.audit.kafka.PartitionScan;
import org.vigie.rules.state.CaseEventCheck;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/**
 * The replay of one partition of vigie.case-events.v1: its cases through the simulator, in offset
 * order, then every case stepped to the end of the replay, in the order the cases first appeared.
 * Holds the states of this partition's cases only; an erased case raises nothing ever again (the
 * fold ignores what follows the erasure), so its state is dropped and only its id kept.
 */
final class PartitionReplay {
  private final RulesSimulator simulator;
  private final ReplayOptions options;
  private final AtomicLong read;
  private final Deserializer<CaseEvent> events = Topics.CASE_EVENTS.valueSerde().deserializer();
  long replayed;
  long unreadable;
  long cases;

  /** @param read shared count of records read, for progress */
  PartitionReplay(RulesSimulator simulator, ReplayOptions options, AtomicLong read) {
    this.simulator = simulator;
    this.options = options;
    this.read = read;
  }

  void run(PartitionScan scan, TopicPartition tp, long start, long end, Consumer<CaseAlert> emit) {
    Map<String, RulesSimulator.CaseRun> runs = new LinkedHashMap<>();
    Set<String> erased = new HashSet<>();
    scan.read(tp, start, end, record -> {
      read.incrementAndGet();
      CaseEvent event = decode(record);
      if (event == null || (options.associationId() != null && !options.associationId().equals(event.getAssociationId()))
          || event.getRecordedAt().isAfter(options.until())) {
        return;
      }
      replayed++;
      if (erased.contains(event.getCaseId())) {
        return;
      }
      RulesSimulator.CaseRun run = runs.computeIfAbsent(event.getCaseId(), id -> {
        cases++;
        return new RulesSimulator.CaseRun();
      });
      simulator.apply(run, event).forEach(emit);
      if (run.state().getErased() && run.state().getOpenAlerts().isEmpty()) {
        runs.remove(event.getCaseId());
        erased.add(event.getCaseId());
      }
    });
    for (RulesSimulator.CaseRun run : runs.values()) {
      simulator.advance(run, options.until()).forEach(emit);
    }
  }

  private CaseEvent decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    CaseEvent event;
    try {
      event = events.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      unreadable++;
      return null;
    }
    // the live rules send the events they cannot fold to their dead-letter queue: left out here too
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (CaseEventCheck.problem(key, event).isPresent()) {
      unreadable++;
      return null;
    }
    return event;
  }
}
