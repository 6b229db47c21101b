package org.vigie.notifier.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.vigie.notifier.ledger.NotificationKey;
import org.vigie.notifier.message.MessageComposer;
import org.vigie.notifier.message.Notice;
import org.vigie.schemas.NotificationChannel;

/**
 * Webhook delivery: a JSON POST with the Standard Webhooks headers {@code webhook-id} (from the
 * ledger key, identical on every retry), {@code webhook-timestamp} and {@code webhook-signature}
 * (HMAC-SHA256 with the endpoint's secret). Redirects are not followed.
 */
public final class WebhookChannel implements Channel {
  private final HttpClient http;
  private final WebhookTargetPolicy policy;
  private final MessageComposer composer;
  private final ObjectMapper json;

  public WebhookChannel(WebhookTargetPolicy policy, MessageComposer composer, ObjectMapper json) {
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.policy = policy;
    this.composer = composer;
    this.json = json;
  }

  @Override
  public NotificationChannel kind() {
    return NotificationChannel.WEBHOOK;
  }

  @Override
  public void send(Notice notice) throws DeliveryException {
    String url = notice.recipient().webhookUrl();
    String secret = notice.recipient().webhookSecret();
    if (url == null || url.isBlank()) {
      throw DeliveryException.permanent("recipient has no webhook URL");
    }
    if (secret == null || secret.isBlank()) {
      throw DeliveryException.permanent("webhook endpoint has no secret");
    }
    URI target = policy.check(url);
    String id = NotificationKey.webhookId(notice.row().key());
    long timestamp = notice.at().getEpochSecond();
    String body;
    try {
      body = json.writeValueAsString(composer.webhookPayload(notice, id));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("webhook-id", id)
        .header("webhook-timestamp", String.valueOf(timestamp))
        .header("webhook-signature", WebhookSigner.sign(secret, id, timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw DeliveryException.transientFailure("webhook unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.transientFailure("interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    throw new DeliveryException("webhook answered " + status, !retryable, null);
  }
}
