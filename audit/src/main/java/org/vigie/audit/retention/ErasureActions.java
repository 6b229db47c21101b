package org.vigie.audit.retention;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
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

  /**
   * Erases many cases, each with its CaseErased event, and returns the ids of those erased; a case that
   * fails is left out (and logged by id), the others go on. By default one by one, through the three steps
   * above; an owner that can do it in fewer round trips (an association leaving with thousands of cases)
   * overrides it.
   */
  default List<String> eraseAll(List<CaseEvent> erasures) {
    List<String> erased = new ArrayList<>();
    for (CaseEvent e : erasures) {
      try {
        shredIdentityKey(e.getCaseId());
        purgeReadModels(e.getCaseId());
        publish(e);
        erased.add(e.getCaseId());
      } catch (RuntimeException failure) {
        LoggerFactory.getLogger(ErasureActions.class).warn("Erasure of case {} failed ({}); the next retention run retries it",
            e.getCaseId(), failure.getClass().getSimpleName());
      }
    }
    return erased;
  }
}
