package org.vigie.intake.command;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.idempotency.IdempotencyStore;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.platform.crypto.Sha256;

/**
 * Runs a write: one transaction (business rows + outbox + the Idempotency-Key answer), then the
 * synchronous publication; the answer is returned only after Kafka acknowledged.
 */
public final class CommandRunner {
  private static final int MAX_KEY_LENGTH = 200;

  private final Jdbi jdbi;
  private final IdempotencyStore idempotency;
  private final OutboxPublisher publisher;

  public CommandRunner(Jdbi jdbi, IdempotencyStore idempotency, OutboxPublisher publisher) {
    this.jdbi = jdbi;
    this.idempotency = idempotency;
    this.publisher = publisher;
  }

  /**
   * @param scope the association the key belongs to (null: no idempotency, e.g. administrator calls)
   * @param key the Idempotency-Key header, or null
   * @param request a canonical text of the request (method, path, body) compared on a repeat
   */
  public CommandResult run(UUID scope, String key, String request, TxCommand command) {
    if (key == null || scope == null) {
      CommandResult result = jdbi.inTransaction(command::run);
      publish(result);
      return result;
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ApiProblem.badRequest("Idempotency-Key", "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    byte[] hash = Sha256.of(request);
    Optional<CommandResult> repeat = replay(scope, key, hash);
    if (repeat.isPresent()) {
      return repeat.get();
    }
    CommandResult result;
    try {
      result = jdbi.inTransaction(h -> {
        CommandResult r = command.run(h);
        idempotency.insert(h, scope, key, hash, r.status(), r.body(), r.records().stream().map(OutboxRecord::seq).toList());
        return r;
      });
    } catch (UnableToExecuteStatementException e) {
      // A concurrent request with the same key committed first: answer as it did.
      return replay(scope, key, hash).orElseThrow(() -> e);
    }
    publish(result);
    return result;
  }

  private Optional<CommandResult> replay(UUID scope, String key, byte[] hash) {
    return idempotency.find(scope, key).map(stored -> {
      if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
        throw ApiProblem.unprocessable("Idempotency-Key",
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

  private void publish(CommandResult result) {
    try {
      publisher.publish(result.records());
    } catch (OutboxPublisher.PublishException e) {
      throw pending();
    }
  }

  private static ApiProblem pending() {
    return ApiProblem.unavailable("Recorded, but the event log did not confirm in time; it will be "
        + "published automatically. Repeat the request with the same Idempotency-Key to get the confirmation.");
  }

}
