package org.vigie.intake.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Fields;
import org.vigie.schemas.WebhookFormat;

/**
 * The contact preferences of a volunteer request, applied over the current ones: a field left out
 * keeps its value, a null one goes back to its default (no webhook, French, Europe/Paris, no quiet
 * hours, no digest, the standard webhook format, not away). {@code absence} is {@code {"until": day,
 * "substituteVolunteerId": id or null}}; whether the day and the substitute are acceptable is the
 * caller's to check ({@code DirectoryRoutes}). A new or changed webhook URL, or {@code rotateWebhookSecret}, gets a new
 * signing secret (Standard Webhooks, {@code whsec_} + base64 of 32 random bytes).
 */
public final class ContactRequest {
  public static final Set<String> FIELDS = Set.of("webhookUrl", "webhookFormat", "language", "timeZone", "quietHours", "dailyDigest",
      "rotateWebhookSecret", "absence");
  private static final Set<String> LANGUAGES = Set.of("fr", "en");
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final int MAX_URL = 2000;

  private ContactRequest() {}

  /** The preferences after this request; {@code newSecret} is asked only when a secret is due. */
  public static ContactPreferences apply(ObjectNode body, Fields fields, ContactPreferences current, Supplier<String> newSecret) {
    String url = current.webhookUrl();
    String secret = current.webhookSecret();
    if (body.has("webhookUrl")) {
      String given = fields.optionalText("webhookUrl", MAX_URL).map(u -> webhookUrl(fields.path("webhookUrl"), u)).orElse(null);
      if (given == null) {
        secret = null;
      } else if (!given.equals(url)) {
        secret = newSecret.get();
      }
      url = given;
    }
    if (fields.booleanOr("rotateWebhookSecret", false)) {
      if (url == null) {
        throw ApiProblem.unprocessable("rotateWebhookSecret", "Le champ 'rotateWebhookSecret' demande un webhook (webhookUrl)",
            "Field 'rotateWebhookSecret' needs a webhook (webhookUrl)");
      }
      secret = newSecret.get();
    }
    String language = current.language();
    if (body.has("language")) {
      language = fields.optionalText("language", 2).map(l -> {
        if (!LANGUAGES.contains(l)) {
          throw ApiProblem.unprocessable(fields.path("language"), "Le champ 'language' doit valoir fr ou en", "Field 'language' must be fr or en");
        }
        return l;
      }).orElse(ContactPreferences.DEFAULT_LANGUAGE);
    }
    String zone = current.timeZone();
    if (body.has("timeZone")) {
      zone = fields.optionalText("timeZone", 64).map(z -> timeZone(fields.path("timeZone"), z)).orElse(ContactPreferences.DEFAULT_TIME_ZONE);
    }
    Integer quietStart = current.quietStartMinute();
    Integer quietEnd = current.quietEndMinute();
    if (body.has("quietHours")) {
      Fields quiet = fields.optionalObject("quietHours").orElse(null);
      if (quiet == null) {
        quietStart = null;
        quietEnd = null;
      } else {
        quiet.only(Set.of("from", "to"));
        quietStart = minute(quiet, "from");
        quietEnd = minute(quiet, "to");
        if (quietStart.equals(quietEnd)) {
          throw ApiProblem.unprocessable(quiet.path("to"), "Le champ 'quietHours.to' doit différer de 'quietHours.from'",
              "Field 'quietHours.to' must differ from 'quietHours.from'");
        }
      }
    }
    boolean digest = body.has("dailyDigest") ? fields.booleanOr("dailyDigest", false) : current.dailyDigest();
    WebhookFormat format = body.has("webhookFormat")
        ? fields.optionalEnum("webhookFormat", WebhookFormat.class).orElse(WebhookFormat.STANDARD) : current.webhookFormat();
    java.time.LocalDate absentUntil = current.absentUntil();
    java.util.UUID substitute = current.substituteVolunteerId();
    if (body.has("absence")) {
      Fields absence = fields.optionalObject("absence").orElse(null);
      absentUntil = absence == null ? null : absence.only(Set.of("until", "substituteVolunteerId")).requiredDate("until");
      substitute = absence == null ? null : absence.optionalId("substituteVolunteerId").orElse(null);
    }
    return new ContactPreferences(url, secret, language, zone, quietStart, quietEnd, digest, format, absentUntil, substitute);
  }

  /** A secret to sign webhooks with: what a receiver verifies the {@code webhook-signature} header against. */
  public static String newSecret(java.security.SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** The preferences as the API shows them: never the secret. */
  public static void write(ObjectNode out, ContactPreferences c) {
    out.put("webhookUrl", c.webhookUrl()).put("webhookFormat", c.webhookFormat().name()).put("language", c.language()).put("timeZone", c.timeZone()).put("dailyDigest", c.dailyDigest());
    if (c.quietStartMinute() == null) {
      out.putNull("quietHours");
    } else {
      out.putObject("quietHours").put("from", hour(c.quietStartMinute())).put("to", hour(c.quietEndMinute()));
    }
    if (c.absentUntil() == null) {
      out.putNull("absence");
    } else {
      out.putObject("absence").put("until", c.absentUntil().toString())
          .put("substituteVolunteerId", c.substituteVolunteerId() == null ? null : c.substituteVolunteerId().toString());
    }
  }

  private static String hour(int minute) {
    return LocalTime.ofSecondOfDay(minute * 60L).format(HOUR);
  }

  private static int minute(Fields quiet, String name) {
    String text = quiet.optionalText(name, 5).orElseThrow(() -> ApiProblem.badRequest(quiet.path(name),
        "Le champ '" + quiet.path(name) + "' est obligatoire (HH:MM)", "Field '" + quiet.path(name) + "' is required (HH:MM)"));
    try {
      LocalTime t = LocalTime.parse(text, HOUR);
      return t.getHour() * 60 + t.getMinute();
    } catch (DateTimeParseException e) {
      throw ApiProblem.unprocessable(quiet.path(name), "Le champ '" + quiet.path(name) + "' doit être une heure HH:MM",
          "Field '" + quiet.path(name) + "' must be a time HH:MM");
    }
  }

  private static String timeZone(String field, String zone) {
    try {
      return ZoneId.of(zone).getId();
    } catch (DateTimeException e) {
      throw ApiProblem.unprocessable(field, "Le champ '" + field + "' n'est pas un fuseau horaire connu (ex. Europe/Paris)",
          "Field '" + field + "' is not a known time zone (e.g. Europe/Paris)");
    }
  }

  /** https to any host, or http to this machine (a local receiver); where it may really go, the notifier decides at send time. */
  private static String webhookUrl(String field, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw badUrl(field);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.getUserInfo() != null || !(scheme.equals("https")
        || (scheme.equals("http") && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))))) {
      throw badUrl(field);
    }
    return uri.toString();
  }

  private static ApiProblem badUrl(String field) {
    return ApiProblem.unprocessable(field,
        "Le champ '" + field + "' doit être une adresse https:// sans identifiants (http:// seulement vers localhost)",
        "Field '" + field + "' must be an https:// URL without credentials (http:// only to localhost)");
  }
}
