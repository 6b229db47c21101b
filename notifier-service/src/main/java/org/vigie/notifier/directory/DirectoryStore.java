package org.vigie.notifier.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.DirectoryEntryKind;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.WebhookFormat;

/** The notifier's copy of the directory topic, one row per topic key. */
public final class DirectoryStore {
  private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
  private static final String CONTACT_COLUMNS =
      "volunteer_id, association_id, display_name, role, email, webhook_url, webhook_secret, active,"
          + " time_zone, quiet_start, quiet_end, daily_digest, language, webhook_format, absent_until, substitute_volunteer_id";

  /** Inserts or replaces the entry of a key, unless the stored one is newer. */
  public void upsert(Handle h, String key, DirectoryEntry e) {
    h.createUpdate("""
            INSERT INTO directory_entry (entry_key, kind, association_id, volunteer_id, display_name, role, email,
              webhook_url, webhook_secret, active, time_zone, quiet_start, quiet_end, daily_digest, language, updated_at,
              webhook_format, absent_until, substitute_volunteer_id)
            VALUES (:key, :kind, :association, :volunteer, :name, :role, :email, :webhook, :secret, :active, :zone,
              :quietStart, :quietEnd, :digest, :language, :updatedAt, :webhookFormat, :absentUntil, :substitute)
            ON CONFLICT (entry_key) DO UPDATE SET kind = excluded.kind, association_id = excluded.association_id,
              volunteer_id = excluded.volunteer_id, display_name = excluded.display_name, role = excluded.role,
              email = excluded.email, webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret,
              active = excluded.active, time_zone = excluded.time_zone, quiet_start = excluded.quiet_start,
              quiet_end = excluded.quiet_end, daily_digest = excluded.daily_digest, language = excluded.language,
              updated_at = excluded.updated_at, webhook_format = excluded.webhook_format,
              absent_until = excluded.absent_until, substitute_volunteer_id = excluded.substitute_volunteer_id
            WHERE directory_entry.updated_at <= excluded.updated_at""")
        .bind("key", key)
        .bind("kind", e.getKind().name())
        .bind("association", e.getAssociationId())
        .bindByType("volunteer", e.getVolunteerId(), String.class)
        .bind("name", e.getDisplayName())
        .bindByType("role", e.getRole() == null ? null : e.getRole().name(), String.class)
        .bindByType("email", e.getEmail(), String.class)
        .bindByType("webhook", e.getWebhookUrl(), String.class)
        .bindByType("secret", e.getWebhookSecret(), String.class)
        .bind("active", e.getActive())
        .bind("zone", e.getTimeZone())
        .bindByType("quietStart", e.getQuietHoursStartMinute(), Integer.class)
        .bindByType("quietEnd", e.getQuietHoursEndMinute(), Integer.class)
        .bind("digest", e.getDailyDigest())
        .bind("language", e.getLanguage())
        .bind("updatedAt", e.getUpdatedAt().atOffset(ZoneOffset.UTC))
        .bind("webhookFormat", e.getWebhookFormat().name())
        .bindByType("absentUntil", e.getAbsentUntil(), java.time.LocalDate.class)
        .bindByType("substitute", e.getSubstituteVolunteerId(), String.class)
        .execute();
  }

  /** A tombstone: the entry is gone. Returns its association, if it was known. */
  public Optional<String> delete(Handle h, String key) {
    return h.createQuery("DELETE FROM directory_entry WHERE entry_key = :key RETURNING association_id")
        .bind("key", key)
        .mapTo(String.class)
        .findOne();
  }

  /** An active or inactive volunteer of an association. */
  public Optional<Contact> volunteer(Handle h, String associationId, String volunteerId) {
    return h.createQuery("SELECT " + CONTACT_COLUMNS + " FROM directory_entry"
            + " WHERE kind = :kind AND association_id = :association AND volunteer_id = :volunteer")
        .bind("kind", DirectoryEntryKind.VOLUNTEER.name())
        .bind("association", associationId)
        .bind("volunteer", volunteerId)
        .map((rs, ctx) -> contact(rs))
        .findFirst();
  }

  /** Volunteers by id (any association), keyed by {@link #key(String, String)}: one round trip for a batch. */
  public Map<String, Contact> volunteers(Handle h, Collection<String> volunteerIds) {
    Map<String, Contact> out = new HashMap<>();
    if (volunteerIds.isEmpty()) {
      return out;
    }
    h.createQuery("SELECT " + CONTACT_COLUMNS + " FROM directory_entry WHERE kind = :kind AND volunteer_id = ANY(:ids)")
        .bind("kind", DirectoryEntryKind.VOLUNTEER.name())
        .bindArray("ids", String.class, List.copyOf(volunteerIds))
        .map((rs, ctx) -> contact(rs))
        .forEach(c -> out.put(key(c.associationId(), c.volunteerId()), c));
    return out;
  }

  public static String key(String associationId, String volunteerId) {
    return associationId + "|" + volunteerId;
  }

  /** Active coordinators of an association that can be reached, in a stable order. */
  public List<Contact> coordinators(Handle h, String associationId) {
    return h.createQuery("SELECT " + CONTACT_COLUMNS + " FROM directory_entry"
            + " WHERE kind = :kind AND association_id = :association AND role = :role AND active"
            + " ORDER BY volunteer_id")
        .bind("kind", DirectoryEntryKind.VOLUNTEER.name())
        .bind("association", associationId)
        .bind("role", VolunteerRole.COORDINATOR.name())
        .map((rs, ctx) -> contact(rs))
        .list()
        .stream()
        .filter(Contact::reachable)
        .toList();
  }

  private static Contact contact(ResultSet rs) throws SQLException {
    String role = rs.getString("role");
    return new Contact(
        rs.getString("volunteer_id"),
        rs.getString("association_id"),
        rs.getString("display_name"),
        role == null ? VolunteerRole.VOLUNTEER : VolunteerRole.valueOf(role),
        rs.getString("email"),
        rs.getString("webhook_url"),
        rs.getString("webhook_secret"),
        rs.getBoolean("active"),
        zone(rs.getString("time_zone")),
        (Integer) rs.getObject("quiet_start"),
        (Integer) rs.getObject("quiet_end"),
        rs.getBoolean("daily_digest"),
        rs.getString("language"),
        WebhookFormat.valueOf(rs.getString("webhook_format")),
        rs.getObject("absent_until", java.time.LocalDate.class),
        rs.getString("substitute_volunteer_id"));
  }

  private static ZoneId zone(String id) {
    try {
      return id == null ? DEFAULT_ZONE : ZoneId.of(id);
    } catch (DateTimeException e) {
      return DEFAULT_ZONE;
    }
  }
}
