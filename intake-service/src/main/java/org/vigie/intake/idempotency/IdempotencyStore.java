package org.vigie.intake.idempotency;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** First answers given per (association, Idempotency-Key), with the hash of the request they answered. */
public final class IdempotencyStore {
  private final Jdbi jdbi;

  public IdempotencyStore(Jdbi jdbi) {
    this.jdbi = jdbi;
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
    h.createUpdate("""
            INSERT INTO idempotency_keys (association_id, idem_key, request_hash, status, response, outbox_seqs)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .bind(0, associationId).bind(1, key).bind(2, requestHash).bind(3, status).bind(4, response)
        .bind(5, seqs.toArray(new Long[0]))
        .execute();
  }
}
