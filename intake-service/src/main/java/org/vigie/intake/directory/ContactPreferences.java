package org.vigie.intake.directory;

import java.time.LocalDate;
import java.util.UUID;
import org.vigie.schemas.WebhookFormat;

/**
 * How a volunteer wants to be alerted; the notifier reads it from the directory topic. Quiet hours
 * are minutes after local midnight in {@code timeZone}, both set or both null; a webhook URL always
 * comes with its signing secret; {@code webhookFormat} says what the webhook receives (the signed JSON,
 * or a chat's text). Away until {@code absentUntil} included, the alerts of the volunteer's cases go to
 * {@code substituteVolunteerId}, or to the coordinators when it is null.
 */
public record ContactPreferences(String webhookUrl, String webhookSecret, String language, String timeZone,
    Integer quietStartMinute, Integer quietEndMinute, boolean dailyDigest, WebhookFormat webhookFormat,
    LocalDate absentUntil, UUID substituteVolunteerId) {
  public static final String DEFAULT_LANGUAGE = "fr";
  public static final String DEFAULT_TIME_ZONE = "Europe/Paris";
  public static final ContactPreferences DEFAULT =
      new ContactPreferences(null, null, DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE, null, null, false, WebhookFormat.STANDARD, null, null);
}
