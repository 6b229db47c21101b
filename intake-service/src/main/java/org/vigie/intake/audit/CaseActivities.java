package org.vigie.intake.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.vigie.audit.retention.CaseActivity;

/**
 * The last activity of cases, what retention counts: the latest of the day a case's last event
 * occurred and the day it was recorded (in {@code zone}), and of the case's own last event day.
 */
final class CaseActivities {
  private CaseActivities() {}

  /** Every case's, or one association's when {@code associationId} is given. */
  static List<CaseActivity> of(Handle h, UUID associationId, ZoneId zone) {
    return query(h, "CAST(:association AS uuid) IS NULL OR c.association_id = :association",
        q -> q.bind("association", associationId), zone);
  }

  /** The cases not erased yet of the associations that left the federation (erased at their closure, unless one failed). */
  static List<CaseActivity> ofClosedAssociations(Handle h, ZoneId zone) {
    return query(h, """
        NOT c.identity_erased AND c.association_id IN (SELECT association_id FROM associations WHERE closed_at IS NOT NULL)""",
        q -> q, zone);
  }

  private static List<CaseActivity> query(Handle h, String where, UnaryOperator<Query> bind, ZoneId zone) {
    return bind.apply(h.createQuery("""
            SELECT c.case_id, c.association_id, c.identity_erased, c.last_event_on,
                   max(e.occurred_on) AS last_occurred, max(e.recorded_at) AS last_recorded
            FROM cases c LEFT JOIN case_events e ON e.case_id = c.case_id
            WHERE %s
            GROUP BY c.case_id, c.association_id, c.identity_erased, c.last_event_on""".formatted(where)))
        .map((rs, ctx) -> {
          LocalDate last = rs.getObject("last_event_on", LocalDate.class);
          LocalDate occurred = rs.getObject("last_occurred", LocalDate.class);
          Timestamp recorded = rs.getTimestamp("last_recorded");
          if (occurred != null && occurred.isAfter(last)) {
            last = occurred;
          }
          if (recorded != null && LocalDate.ofInstant(recorded.toInstant(), zone).isAfter(last)) {
            last = LocalDate.ofInstant(recorded.toInstant(), zone);
          }
          return new CaseActivity(rs.getObject("case_id", UUID.class).toString(),
              rs.getObject("association_id", UUID.class).toString(), last, rs.getBoolean("identity_erased"));
        })
        .list();
  }
}
