package org.vigie.notifier.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.WebhookFormat;

/**
 * A volunteer as the notifier needs it: how to reach them, in what form, and when not to (quiet hours,
 * or away until {@code absentUntil}, their alerts going to {@code substituteVolunteerId} meanwhile).
 */
public record Contact(
    String volunteerId,
    String associationId,
    String displayName,
    VolunteerRole role,
    String email,
    String webhookUrl,
    String webhookSecret,
    boolean active,
    ZoneId timeZone,
    Integer quietStartMinute,
    Integer quietEndMinute,
    boolean dailyDigest,
    String language,
    WebhookFormat webhookFormat,
    LocalDate absentUntil,
    String substituteVolunteerId) {

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  public boolean hasWebhook() {
    return webhookUrl != null && !webhookUrl.isBlank();
  }

  public boolean reachable() {
    return active && (hasEmail() || hasWebhook());
  }

  /** Away at {@code now}: on or before the last day of their absence, in their own time zone. */
  public boolean absentAt(Instant now) {
    return absentUntil != null && !LocalDate.ofInstant(now, timeZone).isAfter(absentUntil);
  }
}
