package org.vigie.audit.retention;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.schemas.CaseEvent;

/**
 * One run of the retention job, for the owner of the identity to schedule (e.g. daily): the cases
 * the policy finds due are erased one by one, identity key first (so the identity is gone even if
 * a later step fails), then the read models, then the CaseErased event, whose id is derived from
 * the case id so a retried erasure publishes the same event. A failing case is logged (by id only)
 * and left for the next run; the others go on.
 */
public final class RetentionJob {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private final RetentionPolicy policy;
  private final ErasureActions actions;
  private final Clock clock;
  private final ZoneId zone;

  public RetentionJob(RetentionPolicy policy, ErasureActions actions, Clock clock, ZoneId zone) {
    this.policy = policy;
    this.actions = actions;
    this.clock = clock;
    this.zone = zone;
  }

  /** What a run did. */
  public record Outcome(List<String> erased, List<String> failed) {}

  public Outcome run(Collection<CaseActivity> cases) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    Outcome outcome = eraseAll(policy.dueForErasure(cases, today));
    if (!outcome.erased().isEmpty() || !outcome.failed().isEmpty()) {
      LOG.info("Retention: {} case(s) erased, {} failed (inactive since {} or earlier)", outcome.erased().size(),
          outcome.failed().size(), policy.lastActiveDayDue(today));
    }
    return outcome;
  }

  /**
   * Erases these cases whatever their activity (an association that left the federation), the same way and
   * with the same event ids as for retention: a case erased twice publishes one event.
   */
  public Outcome eraseAll(Collection<CaseActivity> cases) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<CaseEvent> erasures = cases.stream()
        .map(c -> RetentionPolicy.erasureEvent(erasureEventId(c.caseId()), c.caseId(), c.associationId(), today, now)).toList();
    Set<String> erased = new HashSet<>(actions.eraseAll(erasures));
    List<String> done = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    cases.forEach(c -> (erased.contains(c.caseId()) ? done : failed).add(c.caseId()));
    return new Outcome(List.copyOf(done), List.copyOf(failed));
  }

  /** The same for every attempt on a case, so the event is published once whatever the retries. */
  public static String erasureEventId(String caseId) {
    return UUID.nameUUIDFromBytes(("vigie-retention-erasure|" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
