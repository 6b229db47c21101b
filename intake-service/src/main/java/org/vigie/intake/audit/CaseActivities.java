package org.vigie.intake.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.vigie.audit.retention.CaseActivity;

/**
 * The last activity of cases, what retention counts: the latest of the day a case's last event
 * occurred and the day it was recorded (in {@code zone}), and of the case's own last event day.
 */
final class CaseActivities {
  private CaseActivities() {}

  /** Every case's, or one association's when {@code associationId} is given. */
  static List<CaseActivity> of(Handle h, UUID associationId, ZoneId zone) {
    return h.createQuery("""
            SELECT c.case_id, c.association_id, c.identity_erased, c.last_event_on,
                   max(e.occurred_on) AS last_occurred, max(e.recorded_at) AS last_recorded
            FROM cases c LEFT JOIN case_events e ON e.case_id = c.case_id
            WHERE CAST(:association AS uuid) IS NULL OR c.association_id = :association
            GROUP BY c.case_id, c.association_id, c.identity_erased, c.last_event_on""")
        .bind("association", associationId)
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
