package org.vigie.intake.idempotency;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.command.WriteBehind;
import org.vigie.intake.command.WriteBehinds;

/** First answers given per (association, Idempotency-Key), with the hash of the request they answered. */
public final class IdempotencyStore {
  private static final String INSERT = """
      INSERT INTO idempotency_keys (association_id, idem_key, request_hash, status, response, outbox_seqs)
      VALUES (?, ?, ?, ?, ?, ?)""";

  private final Jdbi jdbi;
  private final WriteBehinds writeBehinds;

  public IdempotencyStore(Jdbi jdbi) {
    this(jdbi, new WriteBehinds());
  }

  /** In a group-commit transaction the answer is queued (a key used twice fails the batched insert). */
  public IdempotencyStore(Jdbi jdbi, WriteBehinds writeBehinds) {
    this.jdbi = jdbi;
    this.writeBehinds = writeBehinds;
  }

  public record Stored(byte[] requestHash, int status, String response, List<Long> outboxSeqs) {}

  public Optional<Stored> find(UUID associationId, String key) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT request_hash, status, response, outbox_seqs FROM idempotency_keys WHERE association_id = ? AND idem_key = ?")
        .bind(0, associationId).bind(1, key)
        .map((rs, ctx) -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3),
            Arrays.asList((Long[]) rs.getArray(4).getArray())))
        .findOne());
  }

  public void insert(Handle h, UUID associationId, String key, byte[] requestHash, int status, String response, List<Long> seqs) {
    Optional<WriteBehind> writeBehind = writeBehinds.of(h);
    if (writeBehind.isPresent()) {
      writeBehind.get().add(INSERT, associationId, key, requestHash, status, response, seqs.toArray(new Long[0]));
      return;
    }
    h.createUpdate(INSERT)
        .bind(0, associationId).bind(1, key).bind(2, requestHash).bind(3, status).bind(4, response)
        .bind(5, seqs.toArray(new Long[0]))
        .execute();
  }
}
