package org.vigie.intake.journal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The journal of accesses to people's identities: who saw a case with its identity, downloaded a
 * timeline naming the person, drafted a letter naming them, exported the case list, or gave or corrected an
 * identity, and when. It holds no identity, so that it can be kept after an erasure; it is kept {@link #KEPT}
 * (the CNIL's recommendation for access logs is six months to a year), then deleted by the daily retention run.
 * Listing the cases (names only) is not journaled.
 */
public final class IdentityAccesses {
  public static final Duration KEPT = Duration.ofDays(365);

  /** What was done with an identity. */
  public enum Action {
    /** A case shown with its identity ({@code GET /api/v1/cases/{id}}). */
    CASE_VIEWED,
    /** A case's timeline naming the person, downloaded (CSV or PDF). */
    TIMELINE,
    /** The association's case list exported, identities included (no case: {@code cases} counts them). */
    EXPORT,
    /** An identity given or corrected. */
    IDENTITY_CHANGED,
    /** The document of the person's data (identity and notes) made for a right-of-access request. */
    PERSONAL_DATA,
    /** A letter drafted for the case, naming the person (to the CCC, an employer, the Défenseur des droits, a lawyer). */
    LETTER
  }

  /** One access: {@code caseId} null for an export. */
  public record Access(Instant at, UUID caseId, String by, Action action, int cases) {}

  private final Clock clock;

  public IdentityAccesses(Clock clock) {
    this.clock = clock;
  }

  public void record(Handle h, UUID associationId, UUID caseId, String by, Action action) {
    record(h, associationId, caseId, by, action, 1);
  }

  public void record(Handle h, UUID associationId, UUID caseId, String by, Action action, int cases) {
    h.createUpdate("""
            INSERT INTO identity_accesses (accessed_at, association_id, case_id, accessed_by, action, cases)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .bind(0, Timestamp.from(clock.instant())).bind(1, associationId).bind(2, caseId).bind(3, by).bind(4, action.name())
        .bind(5, cases).execute();
  }

  /** The accesses of the association, or of one of its cases when {@code caseId} is given, latest first. */
  public List<Access> list(Handle h, UUID associationId, UUID caseId, int limit, int offset) {
    return h.createQuery("""
            SELECT accessed_at, case_id, accessed_by, action, cases FROM identity_accesses
            WHERE association_id = :association AND (CAST(:case AS uuid) IS NULL OR case_id = :case)
            ORDER BY accessed_at DESC, access_id DESC LIMIT :limit OFFSET :offset""")
        .bind("association", associationId).bind("case", caseId).bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> new Access(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class), rs.getString(3),
            Action.valueOf(rs.getString(4)), rs.getInt(5)))
        .list();
  }

  public long count(Handle h, UUID associationId, UUID caseId) {
    return h.createQuery("""
            SELECT count(*) FROM identity_accesses
            WHERE association_id = :association AND (CAST(:case AS uuid) IS NULL OR case_id = :case)""")
        .bind("association", associationId).bind("case", caseId).mapTo(Long.class).one();
  }

  /** Deletes what is older than {@link #KEPT}; returns how many rows. */
  public int purge(Handle h) {
    return h.createUpdate("DELETE FROM identity_accesses WHERE accessed_at < ?")
        .bind(0, Timestamp.from(clock.instant().minus(KEPT))).execute();
  }
}
