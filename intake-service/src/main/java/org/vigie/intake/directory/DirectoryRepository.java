package org.vigie.intake.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.vigie.intake.directory.DirectoryEntries.Volunteer;
import org.vigie.schemas.VolunteerRole;

/** Associations and volunteers. */
public final class DirectoryRepository {
  private static final String CONTACT =
      "webhook_url, webhook_secret, language, time_zone, quiet_start, quiet_end, daily_digest, webhook_format, absent_until,"
          + " substitute_volunteer_id";
  private static final String COLUMNS = "volunteer_id, association_id, display_name, email, role, active, " + CONTACT;

  public void insertAssociation(Handle h, UUID id, String name) {
    h.createUpdate("INSERT INTO associations (association_id, name) VALUES (?, ?)").bind(0, id).bind(1, name).execute();
  }

  /** Whether an association not closed has this name, without regard to case or the spaces around it. */
  public boolean openAssociationNamed(Handle h, String name) {
    return h.createQuery("SELECT 1 FROM associations WHERE closed_at IS NULL AND lower(btrim(name)) = lower(btrim(?)) LIMIT 1")
        .bind(0, name).mapTo(Integer.class).findOne().isPresent();
  }

  public boolean associationExists(Handle h, UUID id) {
    return h.createQuery("SELECT 1 FROM associations WHERE association_id = ?").bind(0, id).mapTo(Integer.class).findOne().isPresent();
  }

  public Optional<String> associationName(Handle h, UUID id) {
    return h.createQuery("SELECT name FROM associations WHERE association_id = ?").bind(0, id).mapTo(String.class).findOne();
  }

  /**
   * An association as the federation's administrator sees it: its size and its load (open alerts, and
   * those nobody took in hand), never its cases.
   */
  public record AssociationSummary(UUID associationId, String name, java.time.Instant createdAt, int activeVolunteers,
      int activeCoordinators, int openCases, int openAlerts, int openAlertsNotTakenInHand, java.time.Instant closedAt) {}

  /** Whether the association left the federation (its tokens revoked, its cases erased). */
  public boolean closed(Handle h, UUID id) {
    return h.createQuery("SELECT closed_at IS NOT NULL FROM associations WHERE association_id = ?").bind(0, id)
        .mapTo(Boolean.class).findOne().orElse(false);
  }

  /** Every association of the deployment, by name. */
  public List<AssociationSummary> associations(Handle h) {
    return h.createQuery("""
            SELECT a.association_id, a.name, a.created_at,
              (SELECT count(*) FROM volunteers v WHERE v.association_id = a.association_id AND v.active AND v.role = 'VOLUNTEER'),
              (SELECT count(*) FROM volunteers v WHERE v.association_id = a.association_id AND v.active AND v.role = 'COORDINATOR'),
              (SELECT count(*) FROM cases c WHERE c.association_id = a.association_id AND c.status = 'OPEN' AND NOT c.identity_erased),
              al.open, al.waiting, a.closed_at
            FROM associations a
            LEFT JOIN LATERAL (SELECT count(*) AS open, count(*) FILTER (WHERE acknowledged_at IS NULL) AS waiting
                FROM alerts WHERE association_id = a.association_id::text AND status = 'RAISED') al ON true
            ORDER BY lower(a.name), a.association_id""")
        .map((rs, ctx) -> new AssociationSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
            rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
            rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
        .list();
  }

  public boolean emailTaken(Handle h, UUID associationId, String email) {
    return h.createQuery("SELECT 1 FROM volunteers WHERE association_id = ? AND lower(email) = lower(?)")
        .bind(0, associationId).bind(1, email).mapTo(Integer.class).findOne().isPresent();
  }

  public void insertVolunteer(Handle h, Volunteer v) {
    ContactPreferences c = v.contact();
    Update insert = h.createUpdate("INSERT INTO volunteers (volunteer_id, association_id, display_name, email, role, active, "
            + CONTACT + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(0, v.volunteerId()).bind(1, v.associationId()).bind(2, v.displayName()).bind(3, v.email())
        .bind(4, v.role().name()).bind(5, v.active());
    bindContact(insert, 6, c).execute();
  }

  /** Saves a volunteer's name, email and contact preferences (not the role, which its tokens carry). */
  public void updateVolunteer(Handle h, Volunteer v) {
    ContactPreferences c = v.contact();
    Update update = h.createUpdate("""
            UPDATE volunteers SET display_name = ?, email = ?, webhook_url = ?, webhook_secret = ?, language = ?,
                   time_zone = ?, quiet_start = ?, quiet_end = ?, daily_digest = ?, webhook_format = ?, absent_until = ?,
                   substitute_volunteer_id = ?
             WHERE volunteer_id = ? AND association_id = ?""")
        .bind(0, v.displayName()).bind(1, v.email())
        .bind(12, v.volunteerId()).bind(13, v.associationId());
    bindContact(update, 2, c).execute();
  }

  /** Binds the {@link #CONTACT} columns, in their order, from position {@code first}. */
  private static Update bindContact(Update statement, int first, ContactPreferences c) {
    return statement
        .bindByType(first, c.webhookUrl(), String.class).bindByType(first + 1, c.webhookSecret(), String.class)
        .bind(first + 2, c.language()).bind(first + 3, c.timeZone())
        .bindByType(first + 4, c.quietStartMinute(), Integer.class).bindByType(first + 5, c.quietEndMinute(), Integer.class)
        .bind(first + 6, c.dailyDigest()).bind(first + 7, c.webhookFormat().name())
        .bindByType(first + 8, c.absentUntil(), java.time.LocalDate.class)
        .bindByType(first + 9, c.substituteVolunteerId(), UUID.class);
  }

  public void setActive(Handle h, UUID volunteerId, boolean active) {
    h.createUpdate("UPDATE volunteers SET active = ? WHERE volunteer_id = ?").bind(0, active).bind(1, volunteerId).execute();
  }

  /** A volunteer of this association (another association's volunteer is not found). */
  public Optional<Volunteer> volunteer(Handle h, UUID associationId, UUID volunteerId) {
    return volunteer(h, associationId, volunteerId, "");
  }

  /** {@link #volunteer}, its row locked until the end of the transaction (it is about to change). */
  public Optional<Volunteer> volunteerForUpdate(Handle h, UUID associationId, UUID volunteerId) {
    return volunteer(h, associationId, volunteerId, " FOR UPDATE");
  }

  private Optional<Volunteer> volunteer(Handle h, UUID associationId, UUID volunteerId, String lock) {
    return h.createQuery("SELECT " + COLUMNS + " FROM volunteers WHERE association_id = ? AND volunteer_id = ?" + lock)
        .bind(0, associationId).bind(1, volunteerId)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Volunteer> volunteerByEmail(Handle h, UUID associationId, String email) {
    return h.createQuery("SELECT " + COLUMNS + " FROM volunteers WHERE association_id = ? AND lower(email) = lower(?)")
        .bind(0, associationId).bind(1, email)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<Volunteer> volunteers(Handle h, UUID associationId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM volunteers WHERE association_id = ? ORDER BY created_at, volunteer_id")
        .bind(0, associationId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  private static Volunteer map(java.sql.ResultSet rs) throws java.sql.SQLException {
    ContactPreferences contact = new ContactPreferences(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
        rs.getObject(11, Integer.class), rs.getObject(12, Integer.class), rs.getBoolean(13),
        org.vigie.schemas.WebhookFormat.valueOf(rs.getString(14)), rs.getObject(15, java.time.LocalDate.class),
        rs.getObject(16, UUID.class));
    return new Volunteer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
        VolunteerRole.valueOf(rs.getString(5)), rs.getBoolean(6), contact);
  }
}
