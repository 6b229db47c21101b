package org.vigie.intake.directory;

/**
 * How a volunteer wants to be alerted; the notifier reads it from the directory topic. Quiet hours
 * are minutes after local midnight in {@code timeZone}, both set or both null; a webhook URL always
 * comes with its signing secret.
 */
public record ContactPreferences(String webhookUrl, String webhookSecret, String language, String timeZone,
    Integer quietStartMinute, Integer quietEndMinute, boolean dailyDigest) {
  public static final String DEFAULT_LANGUAGE = "fr";
  public static final String DEFAULT_TIME_ZONE = "Europe/Paris";
  public static final ContactPreferences DEFAULT =
      new ContactPreferences(null, null, DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE, null, null, false);
}
