package org.vigie.intake.command;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.idempotency.IdempotencyStore;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.platform.crypto.Sha256;

/**
 * Runs a write: its business rows, outbox records and Idempotency-Key answer are committed
 * together (in a {@link GroupCommit} batch with concurrent writes), then published; the answer is
 * returned only after the commit and Kafka's acknowledgement of the write's own records.
 */
public final class CommandRunner {
  private static final int MAX_KEY_LENGTH = 200;

  private final GroupCommit group;
  private final IdempotencyStore idempotency;
  private final OutboxPublisher publisher;

  public CommandRunner(GroupCommit group, IdempotencyStore idempotency, OutboxPublisher publisher) {
    this.group = group;
    this.idempotency = idempotency;
    this.publisher = publisher;
  }

  /**
   * @param scope the association the key belongs to (null: no idempotency, e.g. administrator calls)
   * @param key the Idempotency-Key header, or null
   * @param request a canonical text of the request (method, path, body) compared on a repeat
   */
  public CommandResult run(UUID scope, String key, String request, TxCommand command) {
    return run(null, scope, key, request, command);
  }

  /**
   * @param shard writes with equal shards are committed by the same writer, in order (e.g. the case
   *     id); null when the write has no such affinity
   */
  public CommandResult run(Object shard, UUID scope, String key, String request, TxCommand command) {
    if (key == null || scope == null) {
      return await(group.submit(shard, command));
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ApiProblem.badRequest("Idempotency-Key",
          "L'en-tête Idempotency-Key doit compter de 1 à " + MAX_KEY_LENGTH + " caractères",
          "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    byte[] hash = Sha256.of(request);
    Optional<CommandResult> repeat = replay(scope, key, hash);
    if (repeat.isPresent()) {
      return repeat.get();
    }
    GroupCommit.Ticket ticket = group.submit(shard, h -> {
      CommandResult r = command.run(h);
      idempotency.insert(h, scope, key, hash, r.status(), r.body(), r.records().stream().map(OutboxRecord::seq).toList());
      return r;
    });
    try {
      return await(ticket);
    } catch (UnableToExecuteStatementException e) {
      // A concurrent request with the same key committed first: answer as it did.
      return replay(scope, key, hash).orElseThrow(() -> e);
    }
  }

  /** The result once committed and acknowledged; the write's own error; or 503 when Kafka did not confirm. */
  private static CommandResult await(GroupCommit.Ticket ticket) {
    // One wait (the request thread is woken once, by the acknowledgement): a write that failed ends it
    // with its error; a committed write whose records Kafka did not acknowledge ends it with null.
    CompletableFuture<CommandResult> done = ticket.committed()
        .thenCompose(result -> ticket.published().handle((ok, error) -> error == null ? result : null));
    CommandResult result = join(done);
    if (result == null) {
      // Committed: whatever stopped the acknowledgement, the relay publishes the records later.
      throw pending();
    }
    return result;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the write", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private Optional<CommandResult> replay(UUID scope, String key, byte[] hash) {
    return idempotency.find(scope, key).map(stored -> {
      if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
        throw ApiProblem.unprocessable("Idempotency-Key",
            "Cette Idempotency-Key a déjà servi pour une autre requête",
            "This Idempotency-Key was already used with a different request");
      }
      try {
        publisher.ensurePublished(stored.outboxSeqs());
      } catch (OutboxPublisher.PublishException e) {
        throw pending();
      }
      return new CommandResult(stored.status(), stored.response(), java.util.List.of());
    });
  }


  private static ApiProblem pending() {
    return ApiProblem.unavailable("Enregistré, mais le journal des événements n'a pas confirmé à temps ; la publication "
        + "se fera automatiquement. Répétez la requête avec la même Idempotency-Key pour obtenir la confirmation.",
        "Recorded, but the event log did not confirm in time; it will be "
        + "published automatically. Repeat the request with the same Idempotency-Key to get the confirmation.");
  }

}
