package org.vigie.intake.directory;

import java.time.Instant;
import java.util.UUID;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.DirectoryEntryKind;
import org.vigie.schemas.VolunteerRole;

/** The records of the compacted directory topic (keys: association id, volunteer id). */
public final class DirectoryEntries {
  private DirectoryEntries() {}

  public static DirectoryEntry association(UUID associationId, String name, Instant now) {
    return DirectoryEntry.newBuilder()
        .setKind(DirectoryEntryKind.ASSOCIATION)
        .setAssociationId(associationId.toString())
        .setDisplayName(name)
        .setUpdatedAt(now)
        .build();
  }

  public static DirectoryEntry volunteer(Volunteer v, Instant now) {
    return DirectoryEntry.newBuilder()
        .setKind(DirectoryEntryKind.VOLUNTEER)
        .setAssociationId(v.associationId().toString())
        .setVolunteerId(v.volunteerId().toString())
        .setDisplayName(v.displayName())
        .setRole(v.role())
        .setEmail(v.email())
        .setActive(v.active())
        .setWebhookUrl(v.contact().webhookUrl())
        .setWebhookSecret(v.contact().webhookSecret())
        .setLanguage(v.contact().language())
        .setTimeZone(v.contact().timeZone())
        .setQuietHoursStartMinute(v.contact().quietStartMinute())
        .setQuietHoursEndMinute(v.contact().quietEndMinute())
        .setDailyDigest(v.contact().dailyDigest())
        .setWebhookFormat(v.contact().webhookFormat())
        .setAbsentUntil(v.contact().absentUntil())
        .setSubstituteVolunteerId(v.contact().substituteVolunteerId() == null ? null : v.contact().substituteVolunteerId().toString())
        .setUpdatedAt(now)
        .build();
  }

  /** A volunteer of the directory (the volunteers' own contact data, not the people they help). */
  public record Volunteer(UUID volunteerId, UUID associationId, String displayName, String email, VolunteerRole role, boolean active,
      ContactPreferences contact) {
    public Volunteer withActive(boolean on) {
      return new Volunteer(volunteerId, associationId, displayName, email, role, on, contact);
    }
  }
}
