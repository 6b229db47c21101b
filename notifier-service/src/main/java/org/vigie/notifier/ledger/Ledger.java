package org.vigie.notifier.ledger;

import static org.vigie.notifier.db.Sql.instant;
import static org.vigie.notifier.db.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.VolunteerRole;

/**
 * The notification ledger. States: PENDING → SENT → ACKNOWLEDGED, SENT → ESCALATED (nobody
 * acknowledged in time), PENDING → FAILED (permanent failure), PENDING → CANCELLED (the alert
 * was acknowledged or resolved before a reminder went out).
 */
public final class Ledger {
  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
  public static final String FAILED = "FAILED";
  public static final String ESCALATED = "ESCALATED";
  public static final String CANCELLED = "CANCELLED";

  private static final String COLUMNS = "id, notification_key, alert_id, kind, round, channel, recipient_id,"
      + " recipient_role, state, attempts, digest, created_at, sent_at, cycle";

  private static final String INSERT = """
      INSERT INTO notification (notification_key, alert_id, cycle, kind, round, channel, recipient_id, recipient_role,
        state, digest, next_attempt_at, created_at)
      VALUES (:key, :alert, :cycle, :kind, :round, :channel, :recipient, :role, 'PENDING', :digest, :due, :now)
      ON CONFLICT (notification_key) DO NOTHING""";

  /** Records a PENDING notification; false when the same key is already in the ledger (a replay). */
  public boolean insert(Handle h, NewNotification n, Instant now) {
    return bind(h.createUpdate(INSERT), n, now).execute() == 1;
  }

  /** Records many PENDING notifications in one round trip; returns how many were new. */
  public int insertAll(Handle h, List<NewNotification> all, Instant now) {
    if (all.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = h.prepareBatch(INSERT);
    all.forEach(n -> bind(batch, n, now).add());
    return java.util.Arrays.stream(batch.execute()).sum();
  }

  private static <S extends SqlStatement<S>> S bind(S statement, NewNotification n, Instant now) {
    return statement
        .bind("key", n.key())
        .bindByType("alert", n.alertId(), String.class)
        .bind("cycle", n.cycle())
        .bind("kind", n.kind().name())
        .bind("round", n.round())
        .bind("channel", n.channel().name())
        .bind("recipient", n.recipientId())
        .bind("role", n.recipientRole().name())
        .bind("digest", n.digest())
        .bind("due", ts(n.due()))
        .bind("now", ts(now));
  }

  /** Records a PENDING digest row (no single alert); returns its id, or empty when that digest already exists. */
  public Optional<Long> insertDigest(Handle h, String key, NotificationChannel channel, String recipientId,
      VolunteerRole role, Instant now) {
    return h.createQuery("""
            INSERT INTO notification (notification_key, alert_id, kind, round, channel, recipient_id, recipient_role,
              state, digest, next_attempt_at, created_at)
            VALUES (:key, NULL, 'DIGEST', 0, :channel, :recipient, :role, 'PENDING', false, :now, :now)
            ON CONFLICT (notification_key) DO NOTHING RETURNING id""")
        .bind("key", key)
        .bind("channel", channel.name())
        .bind("recipient", recipientId)
        .bind("role", role.name())
        .bind("now", ts(now))
        .mapTo(Long.class)
        .findOne();
  }

  /** Rows of a failed digest go back to individual delivery. */
  public void releaseDigest(Handle h, long digestId, Instant now) {
    h.createUpdate("UPDATE notification SET digest = false, digest_id = NULL, next_attempt_at = :now"
            + " WHERE digest_id = :digest AND state = 'PENDING'")
        .bind("digest", digestId)
        .bind("now", ts(now))
        .execute();
  }

  /**
   * Takes, for this transaction, up to {@code limit} recipients with PENDING rows (not held for a digest)
   * due by {@code now}, the longest waiting first, skipping those another dispatcher has taken: one
   * dispatcher at a time claims a recipient's rows, so rows due together go in one message. A recipient
   * is taken with a transaction-scoped advisory lock, tried in order on the longest waiting candidates
   * until {@code limit} are taken.
   */
  public List<String> takeDueRecipients(Handle h, Instant now, int limit) {
    return h.createQuery("""
            SELECT recipient_id FROM (
              SELECT recipient_id, min(next_attempt_at) AS due FROM notification
              WHERE state = 'PENDING' AND NOT digest AND next_attempt_at <= :now
              GROUP BY recipient_id ORDER BY due, recipient_id LIMIT :candidates) c
            WHERE pg_try_advisory_xact_lock(hashtext('vigie-notifier-recipient'), hashtext(c.recipient_id))
            LIMIT :limit""")
        .bind("now", ts(now))
        .bind("candidates", 8 * limit)
        .bind("limit", limit)
        .mapTo(String.class)
        .list();
  }

  /** The recipient's PENDING rows (not held for a digest) due by {@code until}, locked until the transaction ends. */
  public List<LedgerRow> claimDue(Handle h, String recipientId, Instant until, int limit) {
    return h.createQuery("SELECT " + COLUMNS + " FROM notification WHERE state = 'PENDING' AND NOT digest"
            + " AND recipient_id = :recipient AND next_attempt_at <= :until ORDER BY next_attempt_at, id LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED")
        .bind("recipient", recipientId)
        .bind("until", ts(until))
        .bind("limit", limit)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  public Optional<LedgerRow> find(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM notification WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  public Optional<LedgerRow> lock(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM notification WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  public Optional<LedgerRow> findByKey(Handle h, String key) {
    return h.createQuery("SELECT " + COLUMNS + " FROM notification WHERE notification_key = :key")
        .bind("key", key)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  public List<LedgerRow> ofAlert(Handle h, String alertId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM notification WHERE alert_id = :alert ORDER BY id")
        .bind("alert", alertId)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /**
   * Of these rows, the first notifications (kind ALERT) of an alert first sent to someone else
   * before, or sent in a cycle before (a case handed back to a volunteer told before): its case was
   * handed over to their recipient. Returns their ids.
   */
  public Set<Long> handedOver(Handle h, Collection<Long> rowIds) {
    if (rowIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(h.createQuery("SELECT n.id FROM notification n WHERE n.id = ANY(:rows) AND n.kind = 'ALERT'"
            + " AND EXISTS (SELECT 1 FROM notification o WHERE o.alert_id = n.alert_id AND o.kind = 'ALERT'"
            + " AND (o.recipient_id <> n.recipient_id OR o.cycle < n.cycle) AND o.id < n.id)")
        .bindArray("rows", Long.class, List.copyOf(rowIds))
        .mapTo(Long.class)
        .list());
  }

  /**
   * Whether the alert was raised again, after this row, for another recipient: its case was handed over since
   * (a substitute's rows, sent while the volunteer following the case is away, are not followed by one).
   */
  public boolean alertedAnotherSince(Handle h, LedgerRow row) {
    return h.createQuery("SELECT EXISTS (SELECT 1 FROM notification o WHERE o.alert_id = :alert AND o.kind = 'ALERT'"
            + " AND o.recipient_id <> :recipient AND o.id > :id)")
        .bind("alert", row.alertId()).bind("recipient", row.recipientId()).bind("id", row.id())
        .mapTo(Boolean.class)
        .one();
  }

  /** A row the remote side accepted, in the message whose ids are those of the row keyed {@code messageKey}. */
  public record Sent(long id, int attempts, Instant at, String messageKey) {}

  /** Marks accepted rows SENT in one round trip. */
  public void markSentAll(Handle h, List<Sent> sent) {
    if (sent.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("UPDATE notification SET state = 'SENT', attempts = :attempts, sent_at = :now,"
        + " last_error = NULL, message_key = :message WHERE id = :id");
    for (Sent s : sent) {
      batch.bind("id", s.id()).bind("attempts", s.attempts()).bind("now", ts(s.at())).bind("message", s.messageKey()).add();
    }
    batch.execute();
  }

  /**
   * For each of these alerts, the key whose ids the first e-mail delivered about it to this recipient carried (the
   * message a follow-up answers: the recipient's conversation about the alert); alerts they had no mail about are
   * left out.
   */
  public Map<String, String> firstMails(Handle h, String recipientId, Collection<String> alertIds) {
    if (alertIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>();
    h.createQuery("SELECT DISTINCT ON (alert_id) alert_id, COALESCE(message_key, notification_key) AS message"
            + " FROM notification WHERE alert_id = ANY(:alerts) AND recipient_id = :recipient AND channel = 'EMAIL'"
            + " AND state IN ('SENT', 'ACKNOWLEDGED', 'ESCALATED') AND sent_at IS NOT NULL"
            + " ORDER BY alert_id, sent_at, id")
        .bindArray("alerts", String.class, List.copyOf(alertIds))
        .bind("recipient", recipientId)
        .map((rs, ctx) -> Map.entry(rs.getString("alert_id"), rs.getString("message")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public void scheduleRetry(Handle h, long id, int attempts, Instant next, String error) {
    h.createUpdate("UPDATE notification SET attempts = :attempts, next_attempt_at = :next, last_error = :error"
            + " WHERE id = :id")
        .bind("id", id)
        .bind("attempts", attempts)
        .bind("next", ts(next))
        .bind("error", error)
        .execute();
  }

  /** Postpones a row without counting an attempt (quiet hours). */
  public void defer(Handle h, long id, Instant next) {
    h.createUpdate("UPDATE notification SET next_attempt_at = :next WHERE id = :id")
        .bind("id", id)
        .bind("next", ts(next))
        .execute();
  }

  public void markFailed(Handle h, long id, int attempts, String error) {
    h.createUpdate("UPDATE notification SET state = 'FAILED', attempts = :attempts, last_error = :error WHERE id = :id")
        .bind("id", id)
        .bind("attempts", attempts)
        .bind("error", error)
        .execute();
  }

  public void markAcknowledged(Handle h, long id, Instant now) {
    h.createUpdate("UPDATE notification SET state = 'ACKNOWLEDGED', acknowledged_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", ts(now))
        .execute();
  }

  /** SENT rows of these kinds of the alert's follow-up cycle {@code cycle} move to ESCALATED; returns them. */
  public List<LedgerRow> escalate(Handle h, String alertId, int cycle, Collection<NotificationKind> kinds) {
    return h.createQuery("UPDATE notification SET state = 'ESCALATED' WHERE alert_id = :alert AND cycle = :cycle"
            + " AND state = 'SENT' AND kind IN (<kinds>) RETURNING " + COLUMNS)
        .bind("alert", alertId)
        .bind("cycle", cycle)
        .bindList("kinds", kinds.stream().map(Enum::name).toList())
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /** A pending row that became pointless (its alert was resolved or acknowledged). */
  public void cancel(Handle h, long id) {
    h.createUpdate("UPDATE notification SET state = 'CANCELLED' WHERE id = :id AND state = 'PENDING'").bind("id", id).execute();
  }

  /**
   * Locks the pending rows of these kinds for these alerts, in id order. Whoever will cancel them
   * takes these locks before locking the alerts: the dispatcher holds the rows it sends and then
   * updates their alerts, so the reverse order could deadlock with it.
   */
  public void lockPending(Handle h, Collection<String> alertIds, Collection<NotificationKind> kinds) {
    if (alertIds.isEmpty()) {
      return;
    }
    h.createQuery("SELECT id FROM notification WHERE alert_id IN (<alerts>) AND state = 'PENDING'"
            + " AND kind IN (<kinds>) ORDER BY id FOR UPDATE")
        .bindList("alerts", List.copyOf(alertIds))
        .bindList("kinds", kinds.stream().map(Enum::name).toList())
        .mapTo(Long.class)
        .list();
  }

  /** Pending rows of these kinds for an alert become CANCELLED; returns how many. */
  public int cancelPending(Handle h, String alertId, Collection<NotificationKind> kinds) {
    return cancelPendingBefore(h, alertId, Integer.MAX_VALUE, kinds);
  }

  /**
   * As {@link #cancelPending}, for the rows of the alert's follow-up cycles before {@code cycle} only: its case was
   * handed over, what was still pending for the former volunteer's cycle is pointless (the new one's rows are kept).
   */
  public int cancelPendingBefore(Handle h, String alertId, int cycle, Collection<NotificationKind> kinds) {
    return h.createUpdate("UPDATE notification SET state = 'CANCELLED' WHERE alert_id = :alert AND state = 'PENDING'"
            + " AND kind IN (<kinds>) AND cycle < :cycle")
        .bind("alert", alertId)
        .bind("cycle", cycle)
        .bindList("kinds", kinds.stream().map(Enum::name).toList())
        .execute();
  }

  /** Recipients that were actually told about an alert (delivered rows), one per channel and recipient. */
  public List<LedgerRow> delivered(Handle h, String alertId) {
    return h.createQuery("SELECT DISTINCT ON (channel, recipient_id) " + COLUMNS + " FROM notification"
            + " WHERE alert_id = :alert AND state IN ('SENT', 'ACKNOWLEDGED', 'ESCALATED')"
            + " AND kind IN ('ALERT', 'ESCALATION', 'REMINDER') ORDER BY channel, recipient_id, id")
        .bind("alert", alertId)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /** Recipients a digest is due for: they have rows held for a digest. */
  public List<String> digestRecipients(Handle h) {
    return h.createQuery("SELECT DISTINCT recipient_id FROM notification WHERE state = 'PENDING' AND digest"
            + " AND digest_id IS NULL")
        .mapTo(String.class)
        .list();
  }

  /** Rows held for a recipient's digest, locked. */
  public List<LedgerRow> lockDigestRows(Handle h, String recipientId, NotificationChannel channel) {
    return h.createQuery("SELECT " + COLUMNS + " FROM notification WHERE state = 'PENDING' AND digest"
            + " AND digest_id IS NULL AND recipient_id = :recipient AND channel = :channel ORDER BY id FOR UPDATE SKIP LOCKED")
        .bind("recipient", recipientId)
        .bind("channel", channel.name())
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /** Of these rows, those due by {@code by} (their settle delay over by then). */
  public List<Long> dueBy(Handle h, Collection<Long> ids, Instant by) {
    return h.createQuery("SELECT id FROM notification WHERE id = ANY(:ids) AND next_attempt_at <= :by ORDER BY id")
        .bindArray("ids", Long.class, List.copyOf(ids))
        .bind("by", by)
        .mapTo(Long.class)
        .list();
  }

  /** Rows a DIGEST row groups. */
  public List<LedgerRow> groupedBy(Handle h, long digestId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM notification WHERE digest_id = :digest ORDER BY id")
        .bind("digest", digestId)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  public void attachToDigest(Handle h, Collection<Long> ids, long digestId) {
    h.createUpdate("UPDATE notification SET digest_id = :digest WHERE id IN (<ids>)")
        .bind("digest", digestId)
        .bindList("ids", List.copyOf(ids))
        .execute();
  }

  /** The rows a digest delivered: SENT, in the message whose ids are the digest row's ({@code digestKey}). */
  public void markGroupedSent(Handle h, long digestId, String digestKey, Instant now) {
    h.createUpdate("UPDATE notification SET state = 'SENT', sent_at = :now, message_key = :message"
            + " WHERE digest_id = :digest AND state = 'PENDING'")
        .bind("digest", digestId)
        .bind("message", digestKey)
        .bind("now", ts(now))
        .execute();
  }

  public long count(Handle h) {
    return h.createQuery("SELECT count(*) FROM notification").mapTo(Long.class).one();
  }

  private static LedgerRow row(ResultSet rs) throws SQLException {
    return new LedgerRow(
        rs.getLong("id"),
        rs.getString("notification_key"),
        rs.getString("alert_id"),
        NotificationKind.valueOf(rs.getString("kind")),
        rs.getInt("round"),
        NotificationChannel.valueOf(rs.getString("channel")),
        rs.getString("recipient_id"),
        VolunteerRole.valueOf(rs.getString("recipient_role")),
        rs.getString("state"),
        rs.getInt("attempts"),
        rs.getBoolean("digest"),
        instant(rs, "created_at"),
        instant(rs, "sent_at"),
        rs.getInt("cycle"));
  }
}
