package org.vigie.intake.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.audit.retention.CaseActivity;
import org.vigie.audit.retention.RetentionJob;
import org.vigie.intake.auth.Authenticator;
import org.vigie.intake.directory.DirectoryEntries;
import org.vigie.intake.directory.DirectoryEntries.Volunteer;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Resource;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.schemas.topics.Topics;

/**
 * An association leaves the federation: it is marked closed, its tokens are revoked and its volunteers
 * deactivated (the notifier stops writing to them), then every case of it is erased as retention erases
 * one (identity key shredded, read models purged, a CaseErased event). Its events stay in the log, with no
 * identity, as the evidence of every erased case does. Closing again finishes what a failure left (the
 * daily retention run does too).
 */
public final class AssociationClosure {
  private static final Logger LOG = LoggerFactory.getLogger(AssociationClosure.class);

  private final Jdbi jdbi;
  private final DirectoryRepository directory;
  private final Outbox outbox;
  private final OutboxPublisher publisher;
  private final RetentionJob erasure;
  private final Authenticator authenticator;
  private final Clock clock;

  /** What a closure did: {@code casesLeft}, the erasures that failed, which the next run retries. */
  public record Outcome(Instant closedAt, int volunteersDeactivated, int tokensRevoked, int casesErased, int casesLeft) {}

  public AssociationClosure(Jdbi jdbi, DirectoryRepository directory, Outbox outbox, OutboxPublisher publisher,
      RetentionJob erasure, Authenticator authenticator, Clock clock) {
    this.jdbi = jdbi;
    this.directory = directory;
    this.outbox = outbox;
    this.publisher = publisher;
    this.erasure = erasure;
    this.authenticator = authenticator;
    this.clock = clock;
  }

  /** Closes the association named {@code confirmation} (its exact name, so that no id typed wrong closes another). */
  public Outcome close(UUID associationId, String confirmation) {
    record Closed(Instant at, int volunteers, int tokens, List<OutboxRecord> records) {}
    Instant now = clock.instant();
    Closed closed = jdbi.inTransaction(h -> {
      String name = h.createQuery("SELECT name FROM associations WHERE association_id = ? FOR UPDATE").bind(0, associationId)
          .mapTo(String.class).findOne().orElseThrow(() -> ApiProblem.notFound(Resource.ASSOCIATION));
      if (!name.equals(confirmation.strip())) {
        throw ApiProblem.unprocessable("confirm", "Le champ 'confirm' doit être le nom exact de l'association à fermer",
            "Field 'confirm' must be the exact name of the association to close");
      }
      Instant at = h.createQuery("""
              UPDATE associations SET closed_at = coalesce(closed_at, ?) WHERE association_id = ? RETURNING closed_at""")
          .bind(0, java.sql.Timestamp.from(now)).bind(1, associationId).mapTo(java.sql.Timestamp.class).one().toInstant();
      int tokens = h.createUpdate("UPDATE tokens SET revoked_at = now() WHERE association_id = ? AND revoked_at IS NULL")
          .bind(0, associationId).execute();
      List<OutboxRecord> records = new ArrayList<>();
      for (Volunteer v : directory.volunteers(h, associationId)) {
        if (v.active()) {
          directory.setActive(h, v.volunteerId(), false);
          records.add(outbox.append(h, Topics.DIRECTORY, v.volunteerId().toString(),
              DirectoryEntries.volunteer(v.withActive(false), now)));
        }
      }
      return new Closed(at, records.size(), tokens, records);
    });
    authenticator.invalidateAll();
    try {
      publisher.publish(closed.records());
    } catch (OutboxPublisher.PublishException e) {
      LOG.warn("Closure of association {}: volunteers' entries not acknowledged by Kafka yet; the relay publishes them",
          associationId);
    }
    List<CaseActivity> cases = jdbi.withHandle(h -> CaseActivities.of(h, associationId, clock.getZone())).stream()
        .filter(c -> !c.erased()).toList();
    RetentionJob.Outcome erased = erasure.eraseAll(cases);
    LOG.info("Association {} closed: {} volunteer(s) deactivated, {} token(s) revoked, {} case(s) erased, {} left", associationId,
        closed.volunteers(), closed.tokens(), erased.erased().size(), erased.failed().size());
    return new Outcome(closed.at(), closed.volunteers(), closed.tokens(), erased.erased().size(), erased.failed().size());
  }
}
