package org.vigie.intake.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.vigie.intake.auth.Tokens;

/** The volunteers' calendar subscriptions (table calendar_feeds): a secret address each, its hash kept. */
public final class CalendarFeeds {
  private final Tokens tokens;

  public CalendarFeeds(Tokens tokens) {
    this.tokens = tokens;
  }

  /** A subscription: whose it is, the volunteer's language, when it was made and last read by a calendar. */
  public record Feed(UUID volunteerId, UUID associationId, String language, Instant createdAt, Instant lastReadAt) {}

  /** A new secret for the volunteer, replacing the previous one (whose address then answers nothing). */
  public String create(Handle h, UUID associationId, UUID volunteerId, Instant now) {
    String secret = tokens.newSecret();
    h.createUpdate("""
            INSERT INTO calendar_feeds (volunteer_id, association_id, secret_hash, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (volunteer_id) DO UPDATE SET secret_hash = excluded.secret_hash, created_at = excluded.created_at,
              last_read_at = NULL""")
        .bind(0, volunteerId).bind(1, associationId).bind(2, Tokens.hash(secret)).bind(3, Timestamp.from(now))
        .execute();
    return secret;
  }

  /** Ends the volunteer's subscription; whether there was one. */
  public boolean delete(Handle h, UUID associationId, UUID volunteerId) {
    return h.createUpdate("DELETE FROM calendar_feeds WHERE volunteer_id = ? AND association_id = ?")
        .bind(0, volunteerId).bind(1, associationId).execute() > 0;
  }

  /** The volunteer's subscription, if any. */
  public Optional<Feed> of(Handle h, UUID associationId, UUID volunteerId) {
    return h.createQuery(SELECT + " WHERE f.volunteer_id = ? AND f.association_id = ?")
        .bind(0, volunteerId).bind(1, associationId).map((rs, ctx) -> feed(rs)).findOne();
  }

  /**
   * The subscription a secret opens, marked read at {@code now}; none for an unknown or replaced
   * secret, a deactivated volunteer or a closed association.
   */
  public Optional<Feed> open(Handle h, String secret, Instant now) {
    Optional<Feed> feed = h.createQuery(SELECT + """
             JOIN associations a ON a.association_id = f.association_id
            WHERE f.secret_hash = ? AND v.active AND a.closed_at IS NULL""")
        .bind(0, Tokens.hash(secret)).map((rs, ctx) -> feed(rs)).findOne();
    feed.ifPresent(f -> h.createUpdate("UPDATE calendar_feeds SET last_read_at = ? WHERE volunteer_id = ?")
        .bind(0, Timestamp.from(now)).bind(1, f.volunteerId()).execute());
    return feed;
  }

  /** The volunteers away today whom {@code substituteId} stands in for, by id, with their name and last day away. */
  public java.util.Map<UUID, String> standingInFor(Handle h, UUID associationId, UUID substituteId, java.time.LocalDate today) {
    java.util.Map<UUID, String> out = new java.util.LinkedHashMap<>();
    h.createQuery("""
            SELECT volunteer_id, display_name FROM volunteers
             WHERE association_id = ? AND substitute_volunteer_id = ? AND active AND absent_until >= ?
             ORDER BY display_name, volunteer_id""")
        .bind(0, associationId).bind(1, substituteId).bind(2, today)
        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static final String SELECT = """
      SELECT f.volunteer_id, f.association_id, v.language, f.created_at, f.last_read_at
        FROM calendar_feeds f JOIN volunteers v ON v.volunteer_id = f.volunteer_id AND v.association_id = f.association_id
      """;

  private static Feed feed(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp read = rs.getTimestamp(5);
    return new Feed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
        rs.getTimestamp(4).toInstant(), read == null ? null : read.toInstant());
  }
}
