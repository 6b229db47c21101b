package org.vigie.audit.retention;

import org.vigie.schemas.CaseEvent;

/**
 * What erasing a case takes, implemented by the service that owns the identity (intake). Each
 * step must be idempotent: a job interrupted half-way runs them again.
 */
public interface ErasureActions {
  /** Deletes the case's identity key (crypto-shredding): its encrypted identity and notes become unreadable. */
  void shredIdentityKey(String caseId);

  /** Purges what the read models derived from the identity or free text (names, notes, cached documents). */
  void purgeReadModels(String caseId);

  /** Publishes the CaseErased event on vigie.case-events.v1 and returns once Kafka acknowledged it. */
  void publish(CaseEvent erased);
}
