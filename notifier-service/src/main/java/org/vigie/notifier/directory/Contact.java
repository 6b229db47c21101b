package org.vigie.notifier.directory;

import java.time.ZoneId;
import org.vigie.schemas.VolunteerRole;

/** A volunteer as the notifier needs it: how to reach them and when not to. */
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
    String language) {

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  public boolean hasWebhook() {
    return webhookUrl != null && !webhookUrl.isBlank();
  }

  public boolean reachable() {
    return active && (hasEmail() || hasWebhook());
  }
}
