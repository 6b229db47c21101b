package org.vigie.notifier.alert;

import static org.vigie.notifier.db.Sql.instant;
import static org.vigie.notifier.db.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.alert.AlertResolutions;

/** The alerts the notifier has seen, and their acknowledgement, resolution and follow-up state. */
public final class AlertStore {
  private static final String COLUMNS = "alert_id, case_id, association_id, rule, severity, raised_at, deadline,"
      + " assigned_volunteer_id, reference, rule_version, message_fr, message_en, first_sent_at, acknowledged_at,"
      + " resolved_at, reminder_round, lapsed, resolution, cycle";

  /**
   * The record names an assignee, emitted after the record that named the alert's assignee kept (an alert recorded
   * before that was kept has none): not an older record read again, a replay of the topic, whose assignee the later
   * records replaced. The rules emit a case's records in order (they are keyed by case).
   */
  private static final String NEWER_ASSIGNEE = "(excluded.assigned_volunteer_id IS NOT NULL"
      + " AND (alert.assigned_at IS NULL OR excluded.assigned_at > alert.assigned_at))";

  /**
   * An open alert raised again for another volunteer than the one it was for, by a newer record: its case was handed
   * over. Its taking in hand and follow-up clock start again with the volunteer now following it (an acknowledgement
   * was the former volunteer's), in a new follow-up cycle (its {@code cycle}, one more).
   */
  private static final String HANDED_OVER = "(:raised AND " + NEWER_ASSIGNEE
      + " AND alert.assigned_volunteer_id IS DISTINCT FROM excluded.assigned_volunteer_id AND alert.resolved_at IS NULL)";

  private static final String UPSERT = """
            INSERT INTO alert (alert_id, case_id, association_id, rule, severity, raised_at, deadline,
              assigned_volunteer_id, assigned_at, reference, rule_version, message_fr, message_en, received_at)
            VALUES (:id, :case, :association, :rule, :severity, :raisedAt, :deadline, :assignee, :assignedAt, :reference,
              :ruleVersion, :fr, :en, :now)
            ON CONFLICT (alert_id) DO UPDATE SET severity = excluded.severity, deadline = excluded.deadline,
              message_fr = excluded.message_fr, message_en = excluded.message_en,
              assigned_volunteer_id = CASE WHEN %2$s THEN excluded.assigned_volunteer_id ELSE alert.assigned_volunteer_id END,
              assigned_at = CASE WHEN %2$s THEN excluded.assigned_at ELSE alert.assigned_at END,
              cycle = CASE WHEN %1$s THEN alert.cycle + 1 ELSE alert.cycle END,
              acknowledged_at = CASE WHEN %1$s THEN NULL ELSE alert.acknowledged_at END,
              first_sent_at = CASE WHEN %1$s THEN NULL ELSE alert.first_sent_at END,
              reminder_round = CASE WHEN %1$s THEN 0 ELSE alert.reminder_round END,
              next_follow_up_at = CASE WHEN %1$s THEN NULL ELSE alert.next_follow_up_at END"""
      .formatted(HANDED_OVER, NEWER_ASSIGNEE);
  private static final String ASSIGN = """
              INSERT INTO case_assignment (case_id, association_id, volunteer_id, updated_at)
              VALUES (:case, :association, :volunteer, :at)
              ON CONFLICT (case_id) DO UPDATE SET volunteer_id = excluded.volunteer_id, updated_at = excluded.updated_at
              WHERE case_assignment.updated_at <= excluded.updated_at""";

  /** Records a RAISED alert, or refreshes its severity, deadline, text and assignee on a re-emission; returns it. */
  public AlertView upsertRaised(Handle h, CaseAlert a, Instant now) {
    AlertView view = bindAlert(h.createQuery(UPSERT + " RETURNING " + COLUMNS), a, now)
        .map((rs, ctx) -> view(rs))
        .one();
    if (a.getAssignedVolunteerId() != null) {
      bindAssignment(h.createUpdate(ASSIGN), a).execute();
    }
    return view;
  }

  /**
   * Of these RAISED records, those of an alert recorded already, still open, for another volunteer
   * than the record's, emitted after the record that named it: their case was handed over (see
   * {@link #HANDED_OVER}). Returns their ids.
   */
  public Set<String> handedOver(Handle h, List<CaseAlert> raised) {
    List<String> ids = new ArrayList<>();
    List<String> assignees = new ArrayList<>();
    List<java.time.OffsetDateTime> emitted = new ArrayList<>();
    for (CaseAlert a : raised) {
      if (a.getAssignedVolunteerId() != null) {
        ids.add(a.getAlertId());
        assignees.add(a.getAssignedVolunteerId());
        emitted.add(ts(a.getEmittedAt()));
      }
    }
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(h.createQuery("SELECT a.alert_id FROM alert a JOIN unnest(:ids, :assignees, :emitted)"
            + " AS r(id, assignee, emitted) ON a.alert_id = r.id WHERE a.resolved_at IS NULL"
            + " AND a.assigned_volunteer_id IS DISTINCT FROM r.assignee"
            + " AND (a.assigned_at IS NULL OR r.emitted > a.assigned_at)")
        .bindArray("ids", String.class, ids)
        .bindArray("assignees", String.class, assignees)
        .bindArray("emitted", java.time.OffsetDateTime.class, emitted)
        .mapTo(String.class)
        .list());
  }

  /** As {@link #upsertRaised} for many alerts in a few round trips; returns them by id. */
  public Map<String, AlertView> upsertRaisedAll(Handle h, List<CaseAlert> raised, Instant now) {
    PreparedBatch upserts = h.prepareBatch(UPSERT);
    PreparedBatch assignments = h.prepareBatch(ASSIGN);
    int assigned = 0;
    for (CaseAlert a : raised) {
      bindAlert(upserts, a, now).add();
      if (a.getAssignedVolunteerId() != null) {
        bindAssignment(assignments, a).add();
        assigned++;
      }
    }
    upserts.execute();
    if (assigned > 0) {
      assignments.execute();
    }
    Map<String, AlertView> out = new HashMap<>();
    h.createQuery("SELECT " + COLUMNS + " FROM alert WHERE alert_id = ANY(:ids)")
        .bindArray("ids", String.class, raised.stream().map(CaseAlert::getAlertId).distinct().toList())
        .map((rs, ctx) -> view(rs))
        .forEach(v -> out.put(v.alertId(), v));
    return out;
  }

  private static <S extends SqlStatement<S>> S bindAlert(S statement, CaseAlert a, Instant now) {
    return statement
        .bind("id", a.getAlertId())
        .bind("case", a.getCaseId())
        .bind("association", a.getAssociationId())
        .bind("rule", a.getRule().name())
        .bind("severity", a.getSeverity().name())
        .bind("raisedAt", ts(a.getRaisedAt()))
        .bindByType("deadline", a.getDeadline(), LocalDate.class)
        .bindByType("assignee", a.getAssignedVolunteerId(), String.class)
        .bindByType("assignedAt", a.getAssignedVolunteerId() == null ? null : ts(a.getEmittedAt()),
            java.time.OffsetDateTime.class)
        .bind("reference", a.getReference())
        .bind("ruleVersion", a.getRuleVersion())
        .bind("fr", a.getMessage().getFr())
        .bind("en", a.getMessage().getEn())
        .bind("now", ts(now))
        .bind("raised", a.getStatus() == AlertStatus.RAISED);
  }

  private static <S extends SqlStatement<S>> S bindAssignment(S statement, CaseAlert a) {
    return statement
        .bind("case", a.getCaseId())
        .bind("association", a.getAssociationId())
        .bind("volunteer", a.getAssignedVolunteerId())
        .bind("at", ts(a.getEmittedAt()));
  }

  /** Records a RESOLVED alert; returns true the first time it is seen resolved. */
  public boolean resolve(Handle h, CaseAlert a, Instant now) {
    upsertRaised(h, a, now);
    return h.createUpdate("UPDATE alert SET resolved_at = :at, routed = true, next_follow_up_at = NULL, lapsed = :lapsed,"
            + " resolution = :resolution WHERE alert_id = :id AND resolved_at IS NULL")
        .bind("id", a.getAlertId())
        .bind("lapsed", a.getLapsed())
        .bind("resolution", AlertResolutions.of(a).name())
        .bind("at", ts(a.getEmittedAt()))
        .execute() == 1;
  }

  public Optional<AlertView> find(Handle h, String alertId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM alert WHERE alert_id = :id")
        .bind("id", alertId)
        .map((rs, ctx) -> view(rs))
        .findOne();
  }

  /** Alerts by id, in one round trip. */
  public Map<String, AlertView> findAll(Handle h, Collection<String> alertIds) {
    Map<String, AlertView> out = new HashMap<>();
    if (!alertIds.isEmpty()) {
      h.createQuery("SELECT " + COLUMNS + " FROM alert WHERE alert_id = ANY(:ids)")
          .bindArray("ids", String.class, List.copyOf(alertIds))
          .map((rs, ctx) -> view(rs))
          .forEach(v -> out.put(v.alertId(), v));
    }
    return out;
  }

  /** Locks an alert row, e.g. before a follow-up decision. */
  public Optional<AlertView> lock(Handle h, String alertId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM alert WHERE alert_id = :id FOR UPDATE")
        .bind("id", alertId)
        .map((rs, ctx) -> view(rs))
        .findOne();
  }

  /** The volunteer last assigned to a case, learnt from earlier alerts. */
  public Optional<String> caseAssignee(Handle h, String caseId) {
    return h.createQuery("SELECT volunteer_id FROM case_assignment WHERE case_id = :case")
        .bind("case", caseId)
        .mapTo(String.class)
        .findOne();
  }

  public void markRoutedAll(Handle h, List<String> alertIds) {
    if (!alertIds.isEmpty()) {
      h.createUpdate("UPDATE alert SET routed = true WHERE alert_id = ANY(:ids)")
          .bindArray("ids", String.class, alertIds)
          .execute();
    }
  }

  public void markRouted(Handle h, String alertId, boolean routed) {
    h.createUpdate("UPDATE alert SET routed = :routed WHERE alert_id = :id")
        .bind("id", alertId)
        .bind("routed", routed)
        .execute();
  }

  /** Open alerts of an association still waiting for a reachable recipient. */
  public List<String> unrouted(Handle h, String associationId) {
    return h.createQuery("SELECT alert_id FROM alert WHERE association_id = :association AND NOT routed"
            + " AND resolved_at IS NULL ORDER BY received_at")
        .bind("association", associationId)
        .mapTo(String.class)
        .list();
  }

  /** A delivery that may be the first of its alert; followUpAt is null when its severity never escalates. */
  public record FirstSent(String alertId, Instant at, Instant followUpAt) {}

  /** The first delivery of an alert starts its follow-up clock (reminders, escalation); one round trip for many. */
  public void firstSentAll(Handle h, List<FirstSent> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("UPDATE alert SET first_sent_at = :now, next_follow_up_at = COALESCE("
        + "next_follow_up_at, :followUp) WHERE alert_id = :id AND first_sent_at IS NULL");
    for (FirstSent d : deliveries) {
      batch.bind("id", d.alertId()).bind("now", ts(d.at()))
          .bindByType("followUp", ts(d.followUpAt()), java.time.OffsetDateTime.class).add();
    }
    batch.execute();
  }

  /** Marks an alert acknowledged; returns true the first time. */
  public boolean acknowledge(Handle h, String alertId, Instant now) {
    return h.createUpdate("UPDATE alert SET acknowledged_at = :now, next_follow_up_at = NULL"
            + " WHERE alert_id = :id AND acknowledged_at IS NULL")
        .bind("id", alertId)
        .bind("now", ts(now))
        .execute() == 1;
  }

  /** Open, unacknowledged alerts whose follow-up is due, locked for this transaction. */
  public List<AlertView> dueFollowUps(Handle h, Instant now, int limit) {
    return h.createQuery("SELECT " + COLUMNS + " FROM alert WHERE next_follow_up_at <= :now"
            + " AND acknowledged_at IS NULL AND resolved_at IS NULL"
            + " ORDER BY next_follow_up_at LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("now", ts(now))
        .bind("limit", limit)
        .map((rs, ctx) -> view(rs))
        .list();
  }

  /**
   * The first follow-up of these alerts ({@code alert id → when}) planned again, for each as long as it did not happen
   * yet and nobody took the alert in hand: its severity or deadline changed since it was first planned. One round trip.
   */
  public void replanFirstFollowUps(Handle h, Map<String, Instant> plans) {
    if (plans.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("UPDATE alert SET next_follow_up_at = :at WHERE alert_id = :id"
        + " AND reminder_round = 0 AND first_sent_at IS NOT NULL AND acknowledged_at IS NULL AND resolved_at IS NULL");
    plans.forEach((id, at) -> batch.bind("id", id).bindByType("at", ts(at), java.time.OffsetDateTime.class).add());
    batch.execute();
  }

  public void followedUp(Handle h, String alertId, int round, Instant next) {
    h.createUpdate("UPDATE alert SET reminder_round = :round, next_follow_up_at = :next WHERE alert_id = :id")
        .bind("id", alertId)
        .bind("round", round)
        .bindByType("next", ts(next), java.time.OffsetDateTime.class)
        .execute();
  }

  private static AlertView view(ResultSet rs) throws SQLException {
    return new AlertView(
        rs.getString("alert_id"),
        rs.getString("case_id"),
        rs.getString("association_id"),
        RuleId.valueOf(rs.getString("rule")),
        Severity.valueOf(rs.getString("severity")),
        instant(rs, "raised_at"),
        rs.getObject("deadline", LocalDate.class),
        rs.getString("assigned_volunteer_id"),
        rs.getString("reference"),
        rs.getString("rule_version"),
        rs.getString("message_fr"),
        rs.getString("message_en"),
        instant(rs, "first_sent_at"),
        instant(rs, "acknowledged_at"),
        instant(rs, "resolved_at"),
        rs.getInt("reminder_round"),
        resolution(rs),
        rs.getInt("cycle"));
  }

  private static Resolution resolution(ResultSet rs) throws SQLException {
    String resolution = rs.getString("resolution");
    return resolution == null ? null : Resolution.valueOf(resolution);
  }
}
