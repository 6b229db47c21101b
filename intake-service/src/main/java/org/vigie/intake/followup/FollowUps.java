package org.vigie.intake.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The follow-ups of the cases (table case_follow_ups): one per case at most, only open cases listed. */
public final class FollowUps {
  /** How far ahead a follow-up may be set, and listed at once. */
  public static final int MAX_DAYS_AHEAD = 731;

  /** A case's next step: its day, what it is, who set it and when; {@code assignedVolunteerId} is the case's. */
  public record FollowUp(UUID caseId, LocalDate dueOn, FollowUpKind kind, String setBy, Instant setAt, UUID assignedVolunteerId) {}

  private static final String SELECT = """
      SELECT f.case_id, f.due_on, f.kind, f.set_by, f.set_at, c.assigned_volunteer_id
        FROM case_follow_ups f JOIN cases c ON c.case_id = f.case_id AND c.association_id = f.association_id
      """;

  /** Sets (or moves) the case's follow-up. */
  public void set(Handle h, UUID associationId, UUID caseId, LocalDate dueOn, FollowUpKind kind, String setBy, Instant at) {
    h.createUpdate("""
            INSERT INTO case_follow_ups (case_id, association_id, due_on, kind, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id) DO UPDATE SET due_on = excluded.due_on, kind = excluded.kind, set_by = excluded.set_by,
              set_at = excluded.set_at""")
        .bind(0, caseId).bind(1, associationId).bind(2, dueOn).bind(3, kind.name()).bind(4, setBy).bind(5, Timestamp.from(at))
        .execute();
  }

  /** Removes the case's follow-up (done, or no longer needed); whether there was one. */
  public boolean clear(Handle h, UUID associationId, UUID caseId) {
    return h.createUpdate("DELETE FROM case_follow_ups WHERE case_id = ? AND association_id = ?")
        .bind(0, caseId).bind(1, associationId).execute() > 0;
  }

  public Optional<FollowUp> of(Handle h, UUID associationId, UUID caseId) {
    return h.createQuery(SELECT + " WHERE f.association_id = ? AND f.case_id = ?")
        .bind(0, associationId).bind(1, caseId).map((rs, ctx) -> followUp(rs)).findOne();
  }

  /** The follow-ups of these cases of the association, by case: one query for a page of the case list. */
  public java.util.Map<UUID, FollowUp> ofCases(Handle h, UUID associationId, java.util.Collection<UUID> caseIds) {
    java.util.Map<UUID, FollowUp> out = new java.util.HashMap<>();
    if (!caseIds.isEmpty()) {
      h.createQuery(SELECT + " WHERE f.association_id = :association AND f.case_id = ANY(:cases)")
          .bind("association", associationId).bindArray("cases", UUID.class, List.copyOf(caseIds))
          .map((rs, ctx) -> followUp(rs)).forEach(f -> out.put(f.caseId(), f));
    }
    return out;
  }

  /**
   * The open (not erased) cases' follow-ups due from {@code from} to {@code to} (both included), earliest first; only those of
   * the cases {@code volunteerIds} follow when some are given (none: the whole association's).
   */
  public List<FollowUp> due(Handle h, UUID associationId, LocalDate from, LocalDate to, java.util.Collection<UUID> volunteerIds) {
    return h.createQuery(SELECT + """
             WHERE f.association_id = :association AND c.status = 'OPEN' AND NOT c.identity_erased
               AND f.due_on BETWEEN :from AND :to
               AND (cardinality(:volunteers) = 0 OR c.assigned_volunteer_id = ANY(:volunteers))
             ORDER BY f.due_on, f.case_id""")
        .bind("association", associationId).bind("from", from).bind("to", to)
        .bindArray("volunteers", UUID.class, List.copyOf(volunteerIds))
        .map((rs, ctx) -> followUp(rs)).list();
  }

  private static FollowUp followUp(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new FollowUp(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), FollowUpKind.valueOf(rs.getString(3)),
        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class));
  }
}
