package org.vigie.intake.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.alert.AlertResolutions;

/** The alerts read model: the newest state of each alert, read per association. */
public final class AlertRepository {
  private static final String COLUMNS = """
      alert_id, case_id, rule, severity, status, episode_start, raised_at, emitted_at, deadline,
      assigned_volunteer_id, reference, text_version_date, rule_version, message_fr, message_en, acknowledged_at, acknowledged_by,
      escalated_at, lapsed, resolution""";
  /**
   * An open alert raised again for another volunteer than the one it was for: its case was handed
   * over, and the taking in hand was the former volunteer's (the new one takes it in hand in turn).
   */
  private static final String HANDED_OVER = "(excluded.status = 'RAISED' AND alerts.status = 'RAISED'"
      + " AND excluded.assigned_volunteer_id IS NOT NULL"
      + " AND alerts.assigned_volunteer_id IS DISTINCT FROM excluded.assigned_volunteer_id)";
  /** Most severe first: CRITICAL 0, HIGH 1, WARNING 2, INFO 3. */
  private static final String SEVERITY_RANK =
      "CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'WARNING' THEN 2 ELSE 3 END";
  private final Jdbi jdbi;

  public AlertRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Keeps the newest emitted state of each alert id; an older record arriving late changes nothing.
   * A hand-over (see {@link #HANDED_OVER}) clears the alert's taking in hand.
   */
  public void upsert(Handle h, CaseAlert a) {
    h.createUpdate("""
            INSERT INTO alerts (alert_id, association_id, case_id, rule, severity, status, episode_start, raised_at,
              emitted_at, deadline, assigned_volunteer_id, reference, text_version_date, rule_version, message_fr, message_en,
              lapsed, resolution)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (alert_id) DO UPDATE SET severity = excluded.severity, status = excluded.status,
              raised_at = excluded.raised_at, emitted_at = excluded.emitted_at, deadline = excluded.deadline,
              assigned_volunteer_id = excluded.assigned_volunteer_id, reference = excluded.reference,
              text_version_date = excluded.text_version_date, rule_version = excluded.rule_version,
              message_fr = excluded.message_fr, message_en = excluded.message_en, lapsed = excluded.lapsed,
              resolution = excluded.resolution,
              acknowledged_at = CASE WHEN %1$s THEN NULL ELSE alerts.acknowledged_at END,
              acknowledged_by = CASE WHEN %1$s THEN NULL ELSE alerts.acknowledged_by END
            WHERE alerts.emitted_at <= excluded.emitted_at AND alerts.association_id = excluded.association_id"""
            .formatted(HANDED_OVER))
        .bind(0, a.getAlertId()).bind(1, a.getAssociationId()).bind(2, a.getCaseId()).bind(3, a.getRule().name())
        .bind(4, a.getSeverity().name()).bind(5, a.getStatus().name()).bind(6, a.getEpisodeStart())
        .bind(7, Timestamp.from(a.getRaisedAt())).bind(8, Timestamp.from(a.getEmittedAt())).bind(9, a.getDeadline())
        .bind(10, a.getAssignedVolunteerId()).bind(11, a.getReference()).bind(12, a.getTextVersionDate())
        .bind(13, a.getRuleVersion()).bind(14, a.getMessage().getFr()).bind(15, a.getMessage().getEn())
        .bind(16, a.getLapsed()).bind(17, Objects.toString(AlertResolutions.of(a), null))
        .execute();
  }

  /** How a page of alerts is sorted. */
  public enum Order {
    /** Last emitted first. */
    RECENT("emitted_at DESC, alert_id"),
    /** Most severe first, then the nearest deadline (none last), then last emitted. */
    URGENCY(SEVERITY_RANK + ", deadline ASC NULLS LAST, emitted_at DESC, alert_id");

    private final String sql;

    Order(String sql) {
      this.sql = sql;
    }
  }

  /**
   * Which alerts of an association: {@code status} open, resolved or all; {@code acknowledged}
   * taken in hand or not, when given.
   */
  public record Query(UUID associationId, String status, Optional<UUID> volunteer, Optional<UUID> caseId,
      Optional<RuleId> rule, Optional<Boolean> acknowledged, Order order, int limit, int offset) {}

  /** A page of alerts and how many the query matches in all. */
  public record Page(List<ObjectNode> alerts, long total) {}

  public Page byAssociation(Query q) {
    String filter = switch (q.status()) {
      case "open" -> " AND status = 'RAISED'";
      case "resolved" -> " AND status = 'RESOLVED'";
      default -> "";
    };
    // each filter given adds its condition and its parameter, bound alike to the page and to its count
    Map<String, Object> binds = new HashMap<>();
    binds.put("association", q.associationId().toString());
    StringBuilder where = new StringBuilder(" FROM alerts WHERE association_id = :association").append(filter);
    if (q.volunteer().isPresent()) {
      where.append(" AND assigned_volunteer_id = :volunteer");
      binds.put("volunteer", q.volunteer().get().toString());
    }
    if (q.caseId().isPresent()) {
      where.append(" AND case_id = :case");
      binds.put("case", q.caseId().get().toString());
    }
    if (q.rule().isPresent()) {
      where.append(" AND rule = :rule");
      binds.put("rule", q.rule().get().name());
    }
    q.acknowledged().ifPresent(a -> where.append(a ? " AND acknowledged_at IS NOT NULL" : " AND acknowledged_at IS NULL"));
    return jdbi.withHandle(h -> {
      var page = h.createQuery("SELECT " + COLUMNS + where + " ORDER BY " + q.order().sql + " LIMIT :limit OFFSET :offset")
          .bindMap(binds).bind("limit", q.limit()).bind("offset", q.offset());
      var count = h.createQuery("SELECT count(*)" + where).bindMap(binds);
      List<ObjectNode> alerts = page.map((rs, ctx) -> toJson(rs)).list();
      long total = alerts.size() < q.limit() && (q.offset() == 0 || !alerts.isEmpty())
          ? q.offset() + alerts.size() : count.mapTo(Long.class).one();
      return new Page(alerts, total);
    });
  }

  public List<ObjectNode> byCase(Handle h, UUID associationId, UUID caseId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE association_id = ? AND case_id = ? ORDER BY raised_at, alert_id")
        .bind(0, associationId.toString()).bind(1, caseId.toString())
        .map((rs, ctx) -> toJson(rs)).list();
  }

  public Optional<ObjectNode> find(UUID associationId, String alertId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE association_id = ? AND alert_id = ?")
        .bind(0, associationId.toString()).bind(1, alertId)
        .map((rs, ctx) -> toJson(rs)).findOne());
  }

  /** An alert of the association, its row locked for an acknowledgement (another association's is not found). */
  public Optional<ObjectNode> lock(Handle h, UUID associationId, String alertId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE association_id = ? AND alert_id = ? FOR UPDATE")
        .bind(0, associationId.toString()).bind(1, alertId)
        .map((rs, ctx) -> toJson(rs)).findOne();
  }

  /**
   * An acknowledgement the notifier recorded (a link in an e-mail): the alert is marked taken in hand
   * unless it already is, or unless it was acknowledged by a volunteer the case has since been handed
   * over from (a coordinator's counts whoever follows the case, and so does the substitute named by the
   * volunteer following it, who gets its alerts while they are away). One for an alert not projected
   * yet is kept until it is ({@link #applyEarlyAcknowledgements}).
   */
  public void acknowledgedByLink(Handle h, String associationId, String alertId, String by, boolean byCoordinator,
      java.time.Instant at) {
    int marked = h.createUpdate("""
            UPDATE alerts SET acknowledged_at = :at, acknowledged_by = :by
            WHERE alert_id = :alert AND association_id = :association AND acknowledged_at IS NULL
              AND (:coordinator OR assigned_volunteer_id = :by""" + OR_SUBSTITUTE.formatted("assigned_volunteer_id", ":by")
            + ")")
        .bind("at", Timestamp.from(at)).bind("by", by).bind("alert", alertId).bind("association", associationId)
        .bind("coordinator", byCoordinator).execute();
    if (marked == 0 && h.createQuery("SELECT 1 FROM alerts WHERE alert_id = ?").bind(0, alertId).mapTo(Integer.class).findOne().isEmpty()) {
      // One whose alert never comes (its case erased meanwhile, say) is not kept for ever.
      h.execute("DELETE FROM early_acknowledgements WHERE kept_at < now() - interval '30 days'");
      h.createUpdate("""
              INSERT INTO early_acknowledgements (alert_id, association_id, acknowledged_at, acknowledged_by, by_coordinator)
              VALUES (?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING""")
          .bind(0, alertId).bind(1, associationId).bind(2, Timestamp.from(at)).bind(3, by).bind(4, byCoordinator).execute();
    }
  }

  /**
   * The notifier told the coordination about the alert, nobody having taken it in hand: the first time
   * is kept. An escalation of an alert not projected yet changes nothing (one comes a day or more after
   * its alert).
   */
  public void escalated(Handle h, String associationId, String alertId, java.time.Instant at) {
    h.createUpdate("""
            UPDATE alerts SET escalated_at = :at
            WHERE alert_id = :alert AND association_id = :association AND (escalated_at IS NULL OR escalated_at > :at)""")
        .bind("at", Timestamp.from(at)).bind("alert", alertId).bind("association", associationId).execute();
  }

  /** Or the one acknowledging is the substitute the volunteer following the case named (%1$s: that volunteer, %2$s: who). */
  private static final String OR_SUBSTITUTE = " OR EXISTS (SELECT 1 FROM volunteers v WHERE v.volunteer_id::text = %1$s"
      + " AND v.substitute_volunteer_id::text = %2$s)";

  /** Applies, as {@link #acknowledgedByLink} would have, the acknowledgements kept for alerts just projected. */
  public void applyEarlyAcknowledgements(Handle h, java.util.Collection<String> alertIds) {
    h.createUpdate("""
            WITH taken AS (
              DELETE FROM early_acknowledgements e WHERE e.alert_id = ANY(:ids)
                AND EXISTS (SELECT 1 FROM alerts a WHERE a.alert_id = e.alert_id)
              RETURNING e.*)
            UPDATE alerts a SET acknowledged_at = t.acknowledged_at, acknowledged_by = t.acknowledged_by
            FROM taken t
            WHERE a.alert_id = t.alert_id AND a.association_id = t.association_id AND a.acknowledged_at IS NULL
              AND (t.by_coordinator OR a.assigned_volunteer_id = t.acknowledged_by"""
            + OR_SUBSTITUTE.formatted("a.assigned_volunteer_id", "t.acknowledged_by") + ")")
        .bind("ids", alertIds.toArray(new String[0])).execute();
  }

  /** What is open on a case: how many alerts, the most severe one's severity, the nearest deadline (null for none). */
  /**
   * An open alert with a deadline, as a calendar shows it (no identity; {@code reference}: the rule's legal text);
   * {@code volunteerId}: who follows the case.
   */
  public record Deadline(String alertId, String caseId, String rule, String severity, java.time.LocalDate deadline,
      String reference, String messageFr, String messageEn, boolean takenInHand, String volunteerId) {}

  /** The open alerts with a deadline of the cases these volunteers follow, nearest first. */
  public List<Deadline> openDeadlines(Handle h, UUID associationId, java.util.Collection<UUID> volunteerIds) {
    return h.createQuery("""
            SELECT alert_id, case_id, rule, severity, deadline, reference, message_fr, message_en, acknowledged_at IS NOT NULL,
                   assigned_volunteer_id
              FROM alerts
             WHERE association_id = :association AND assigned_volunteer_id = ANY(:volunteers) AND status = 'RAISED'
               AND deadline IS NOT NULL
             ORDER BY deadline, alert_id""")
        .bind("association", associationId.toString())
        .bindArray("volunteers", String.class, volunteerIds.stream().map(UUID::toString).toList())
        .map((rs, ctx) -> new Deadline(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, java.time.LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
            rs.getString(10)))
        .list();
  }

  public record OpenAlerts(int count, String worstSeverity, java.time.LocalDate nearestDeadline) {}

  /** The open alerts of each of the association's cases that has some, by case id. */
  public java.util.Map<String, OpenAlerts> openByCase(Handle h, UUID associationId) {
    java.util.Map<String, OpenAlerts> out = new java.util.HashMap<>();
    h.createQuery("""
            SELECT case_id, count(*),
              (array_agg(severity ORDER BY %s))[1],
              min(deadline)
            FROM alerts WHERE association_id = ? AND status = 'RAISED' GROUP BY case_id""".formatted(SEVERITY_RANK))
        .bind(0, associationId.toString())
        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1),
            new OpenAlerts(rs.getInt(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * The resolutions that close an alert without its situation having ended, nor its deadline passed
   * ({@link AlertResolutions#closedOtherwise}).
   */
  private static final List<String> CLOSING = java.util.Arrays.stream(Resolution.values())
      .filter(AlertResolutions::closedOtherwise).map(Resolution::name).toList();

  /** The association's alerts counted per month raised (in {@code zone}) and rule, with their totals. */
  public AlertActivity activity(Handle h, UUID associationId, java.time.ZoneId zone) {
    List<AlertActivity.Month> months = h.createQuery("""
            SELECT to_char(raised_at AT TIME ZONE :zone, 'YYYY-MM'), rule, count(*), count(DISTINCT case_id),
              count(acknowledged_at),
              count(*) FILTER (WHERE status = 'RESOLVED' AND NOT lapsed AND coalesce(resolution, '') <> ALL(:closing)),
              count(escalated_at), count(*) FILTER (WHERE lapsed),
              count(*) FILTER (WHERE status = 'RESOLVED' AND NOT lapsed AND resolution = ANY(:closing))
            FROM alerts WHERE association_id = :association GROUP BY 1, 2 ORDER BY 1, 2""")
        .bind("zone", zone.getId()).bind("association", associationId.toString())
        .bindArray("closing", String.class, CLOSING)
        .map((rs, ctx) -> new AlertActivity.Month(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
        .list();
    return h.createQuery("""
            SELECT count(*), count(DISTINCT case_id), count(acknowledged_at),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - raised_at)) / 3600,
              count(escalated_at)
            FROM alerts WHERE association_id = ?""")
        .bind(0, associationId.toString())
        .map((rs, ctx) -> {
          double median = rs.getDouble(4);
          Double hours = rs.wasNull() ? null : Math.round(median * 100) / 100.0;
          return new AlertActivity(rs.getInt(1), rs.getInt(2), rs.getInt(3), hours, rs.getInt(5), months);
        })
        .one();
  }

  public void acknowledge(Handle h, String alertId, String by, java.time.Instant at) {
    h.createUpdate("UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE alert_id = ?")
        .bind(0, Timestamp.from(at)).bind(1, by).bind(2, alertId).execute();
  }

  private static ObjectNode toJson(ResultSet rs) throws SQLException {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("alertId", rs.getString(1)).put("caseId", rs.getString(2)).put("rule", rs.getString(3))
        .put("severity", rs.getString(4)).put("status", rs.getString(5))
        .put("episodeStart", rs.getObject(6, java.time.LocalDate.class).toString())
        .put("raisedAt", rs.getTimestamp(7).toInstant().toString())
        .put("emittedAt", rs.getTimestamp(8).toInstant().toString());
    java.time.LocalDate deadline = rs.getObject(9, java.time.LocalDate.class);
    n.put("deadline", deadline == null ? null : deadline.toString());
    n.put("assignedVolunteerId", rs.getString(10)).put("reference", rs.getString(11))
        .put("textVersionDate", rs.getObject(12, java.time.LocalDate.class).toString()).put("ruleVersion", rs.getString(13));
    n.putObject("message").put("fr", rs.getString(14)).put("en", rs.getString(15));
    Timestamp acknowledged = rs.getTimestamp(16);
    n.put("acknowledgedAt", acknowledged == null ? null : acknowledged.toInstant().toString()).put("acknowledgedBy", rs.getString(17));
    Timestamp escalated = rs.getTimestamp(18);
    n.put("escalatedAt", escalated == null ? null : escalated.toInstant().toString());
    n.put("lapsed", rs.getBoolean(19));
    n.put("resolution", rs.getString(20));
    return n;
  }
}
