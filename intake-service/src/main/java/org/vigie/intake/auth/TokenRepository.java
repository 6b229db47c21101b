package org.vigie.intake.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Hashed bearer tokens. */
public final class TokenRepository {
  private final Jdbi jdbi;

  public TokenRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record TokenInfo(UUID tokenId, Role role, UUID volunteerId, Instant createdAt, Instant revokedAt) {}

  public void insert(Handle h, UUID tokenId, byte[] hash, UUID associationId, UUID volunteerId, Role role) {
    h.createUpdate("INSERT INTO tokens (token_id, token_hash, association_id, volunteer_id, role) VALUES (?, ?, ?, ?, ?)")
        .bind(0, tokenId).bind(1, hash).bind(2, associationId).bind(3, volunteerId).bind(4, role.name())
        .execute();
  }

  /** The caller behind an active token of an active volunteer, if any. */
  public Optional<Caller> findActive(byte[] hash) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT t.token_id, t.role, t.association_id, t.volunteer_id FROM tokens t
            LEFT JOIN volunteers v ON v.volunteer_id = t.volunteer_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (v.volunteer_id IS NULL OR v.active)""")
        .bind(0, hash)
        .map((rs, ctx) -> new Caller(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)),
            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)))
        .findOne());
  }

  public List<TokenInfo> list(UUID associationId) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT token_id, role, volunteer_id, created_at, revoked_at FROM tokens
            WHERE association_id = ? ORDER BY created_at, token_id""")
        .bind(0, associationId)
        .map((rs, ctx) -> new TokenInfo(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)),
            rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list());
  }

  /** Revokes a token of this association; false when there is no such token there. */
  public boolean revoke(UUID associationId, UUID tokenId) {
    return jdbi.withHandle(h -> h.createUpdate("""
            UPDATE tokens SET revoked_at = coalesce(revoked_at, now())
            WHERE association_id = ? AND token_id = ?""")
        .bind(0, associationId).bind(1, tokenId).execute()) == 1;
  }

  public void revokeAllOfVolunteer(Handle h, UUID volunteerId) {
    h.createUpdate("UPDATE tokens SET revoked_at = coalesce(revoked_at, now()) WHERE volunteer_id = ?")
        .bind(0, volunteerId).execute();
  }
}
