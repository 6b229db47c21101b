package org.vigie.notifier.directory;

import java.time.ZoneId;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.WebhookFormat;

/** A volunteer as the notifier needs it: how to reach them, in what form, and when not to. */
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
    WebhookFormat webhookFormat) {

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
