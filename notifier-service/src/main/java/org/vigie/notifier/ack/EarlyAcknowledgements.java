package org.vigie.notifier.ack;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.vigie.notifier.db.Sql;
import org.vigie.schemas.AlertAcknowledgement;

/**
 * Acknowledgements of alerts this service has not received yet, kept until the alert arrives. One
 * whose alert never comes (an alert of a rules version that no longer raises it) is forgotten after
 * {@link #KEPT_FOR}.
 */
public final class EarlyAcknowledgements {
  public static final Duration KEPT_FOR = Duration.ofDays(30);

  /** Keeps {@code ack}; a second one for the same alert keeps the first. */
  public void keep(Handle h, AlertAcknowledgement ack, Instant now) {
    h.createUpdate("""
            INSERT INTO early_acknowledgement (alert_id, association_id, case_id, acknowledged_by, acknowledged_at, received_at)
            VALUES (:alert, :association, :case, :by, :at, :now) ON CONFLICT (alert_id) DO NOTHING""")
        .bind("alert", ack.getAlertId())
        .bind("association", ack.getAssociationId())
        .bind("case", ack.getCaseId())
        .bind("by", ack.getAcknowledgedBy())
        .bind("at", Sql.ts(ack.getAcknowledgedAt()))
        .bind("now", Sql.ts(now))
        .execute();
  }

  /** Removes and returns those kept for {@code alertIds}. */
  public List<AlertAcknowledgement> take(Handle h, Collection<String> alertIds) {
    if (alertIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery("""
            DELETE FROM early_acknowledgement WHERE alert_id = ANY(:ids)
            RETURNING alert_id, association_id, case_id, acknowledged_by, acknowledged_at""")
        .bindArray("ids", String.class, List.copyOf(alertIds))
        .map((rs, ctx) -> AlertAcknowledgement.newBuilder()
            .setAlertId(rs.getString("alert_id"))
            .setAssociationId(rs.getString("association_id"))
            .setCaseId(rs.getString("case_id"))
            .setAcknowledgedBy(rs.getString("acknowledged_by"))
            .setAcknowledgedAt(Sql.instant(rs, "acknowledged_at"))
            .build())
        .list();
  }

  /** Forgets those kept longer than {@link #KEPT_FOR}; returns how many. */
  public int forgetOld(Handle h, Instant now) {
    return h.createUpdate("DELETE FROM early_acknowledgement WHERE received_at < :before")
        .bind("before", Sql.ts(now.minus(KEPT_FOR)))
        .execute();
  }
}
