package org.vigie.intake.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.audit.retention.ErasureActions;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.cases.EventType;
import org.vigie.intake.cases.TimelineEntry;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/**
 * Erasure of cases by the retention job (and the closure of an association), over intake's vault, read
 * models and outbox. Each step is idempotent: the key and ciphertexts deleted again are simply absent, the erased flag is set
 * again, and the CaseErased event (its id derived from the case id) is recorded once.
 */
public final class IntakeErasure implements ErasureActions {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeErasure.class);
  /** Cases erased per transaction by {@link #eraseAll}. */
  static final int BATCH = 200;
  private final Jdbi jdbi;
  private final CaseRepository cases;
  private final IdentityVault vault;
  private final Outbox outbox;
  private final OutboxPublisher publisher;

  public IntakeErasure(Jdbi jdbi, CaseRepository cases, IdentityVault vault, Outbox outbox, OutboxPublisher publisher) {
    this.jdbi = jdbi;
    this.cases = cases;
    this.vault = vault;
    this.outbox = outbox;
    this.publisher = publisher;
  }

  @Override
  public void shredIdentityKey(String caseId) {
    jdbi.useTransaction(h -> vault.erase(h, UUID.fromString(caseId)));
  }

  @Override
  public void purgeReadModels(String caseId) {
    jdbi.useHandle(h -> h.execute("UPDATE cases SET identity_erased = true WHERE case_id = ?", UUID.fromString(caseId)));
  }

  @Override
  public void publish(CaseEvent erased) {
    List<OutboxRecord> records = jdbi.inTransaction(h -> record(h, erased));
    try {
      publisher.publish(records);
    } catch (OutboxPublisher.PublishException e) {
      // Recorded in the outbox: the relay publishes it later.
      throw new IllegalStateException("CaseErased not acknowledged by Kafka yet", e);
    }
  }

  /**
   * Many cases, {@link #BATCH} a transaction (their keys shredded, read models purged, events recorded, in
   * the order of their ids), each batch's events then sent at once: an association leaving with thousands
   * of cases is erased in seconds, not one Kafka round trip per case. A batch that fails is left out, for
   * the next run; events recorded but not yet acknowledged are sent by the outbox relay.
   */
  @Override
  public List<String> eraseAll(List<CaseEvent> erasures) {
    List<CaseEvent> ordered = erasures.stream().sorted(Comparator.comparing(CaseEvent::getCaseId)).toList();
    List<String> erased = new ArrayList<>();
    for (int from = 0; from < ordered.size(); from += BATCH) {
      List<CaseEvent> batch = ordered.subList(from, Math.min(from + BATCH, ordered.size()));
      List<OutboxRecord> records;
      try {
        records = jdbi.inTransaction(h -> {
          List<OutboxRecord> out = new ArrayList<>();
          for (CaseEvent e : batch) {
            UUID caseId = UUID.fromString(e.getCaseId());
            cases.lock(h, UUID.fromString(e.getAssociationId()), caseId);
            vault.erase(h, caseId);
            h.execute("UPDATE cases SET identity_erased = true WHERE case_id = ?", caseId);
            out.addAll(record(h, e));
          }
          return out;
        });
      } catch (RuntimeException failure) {
        LOG.warn("Erasure of {} case(s) failed ({}); the next retention run retries them", batch.size(),
            failure.getClass().getSimpleName());
        continue;
      }
      batch.forEach(e -> erased.add(e.getCaseId()));
      try {
        publisher.publish(records);
      } catch (OutboxPublisher.PublishException e) {
        LOG.warn("{} CaseErased event(s) not acknowledged by Kafka yet; the outbox relay publishes them", records.size());
      }
    }
    return erased;
  }

  /** The case's CaseErased event in its timeline and the outbox, unless recorded before; under the case's lock. */
  private List<OutboxRecord> record(Handle h, CaseEvent erased) {
    UUID caseId = UUID.fromString(erased.getCaseId());
    UUID eventId = UUID.fromString(erased.getEventId());
    // Under the case's lock, so that two runs cannot both record it; found through the case's index.
    cases.lock(h, UUID.fromString(erased.getAssociationId()), caseId);
    boolean recorded = h.createQuery("SELECT count(*) FROM case_events WHERE case_id = ? AND event_id = ?")
        .bind(0, caseId).bind(1, eventId).mapTo(Integer.class).one() > 0;
    if (recorded) {
      return List.of();
    }
    cases.appendTimeline(h, caseId, UUID.fromString(erased.getAssociationId()), new TimelineEntry(eventId,
        EventType.CASE_ERASED.name(), erased.getOccurredOn(), erased.getRecordedAt(), erased.getRecordedBy(),
        erased.getSource().name(), JsonNodeFactory.instance.objectNode()));
    return List.of(outbox.append(h, Topics.CASE_EVENTS, erased.getCaseId(), erased));
  }
}
