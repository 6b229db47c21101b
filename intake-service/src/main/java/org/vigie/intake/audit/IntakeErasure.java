package org.vigie.intake.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
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
 * Erasure of a case by the retention job, over intake's vault, read models and outbox. Each step
 * is idempotent: the key and ciphertexts deleted again are simply absent, the erased flag is set
 * again, and the CaseErased event (its id derived from the case id) is recorded once.
 */
public final class IntakeErasure implements ErasureActions {
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
    UUID caseId = UUID.fromString(erased.getCaseId());
    UUID eventId = UUID.fromString(erased.getEventId());
    List<OutboxRecord> records = jdbi.inTransaction(h -> {
      // Under the case's lock, so that two runs cannot both record it; found through the case's index.
      cases.lock(h, UUID.fromString(erased.getAssociationId()), caseId);
      boolean recorded = h.createQuery("SELECT count(*) FROM case_events WHERE case_id = ? AND event_id = ?")
          .bind(0, caseId).bind(1, eventId).mapTo(Integer.class).one() > 0;
      if (recorded) {
        return List.<OutboxRecord>of();
      }
      cases.appendTimeline(h, caseId, UUID.fromString(erased.getAssociationId()), new TimelineEntry(eventId,
          EventType.CASE_ERASED.name(), erased.getOccurredOn(), erased.getRecordedAt(), erased.getRecordedBy(),
          erased.getSource().name(), JsonNodeFactory.instance.objectNode()));
      return List.of(outbox.append(h, Topics.CASE_EVENTS, erased.getCaseId(), erased));
    });
    try {
      publisher.publish(records);
    } catch (OutboxPublisher.PublishException e) {
      // Recorded in the outbox: the relay publishes it later.
      throw new IllegalStateException("CaseErased not acknowledged by Kafka yet", e);
    }
  }
}
