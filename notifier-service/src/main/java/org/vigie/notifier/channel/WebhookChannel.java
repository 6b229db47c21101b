package org.vigie.notifier.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.vigie.notifier.ledger.NotificationKey;
import org.vigie.notifier.message.MessageComposer;
import org.vigie.notifier.message.Notice;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.WebhookFormat;

/**
 * Webhook delivery: a JSON POST with the Standard Webhooks headers {@code webhook-id} (from the
 * ledger key, identical on every retry), {@code webhook-timestamp} and {@code webhook-signature}
 * (HMAC-SHA256 with the endpoint's secret). Redirects are not followed, nothing is retried here
 * (the dispatcher retries with backoff), no cookies, no authentication, no proxy.
 *
 * <p>The host is resolved once, by the {@link WebhookTargetPolicy}; the HTTP client connects only
 * to the addresses that policy vetted ({@link PinnedResolver}), never resolving the host again, so a
 * DNS server answering a public address to the check and an internal one to the connection (DNS
 * rebinding) cannot steer the request inside. TLS still checks the certificate against the URL's
 * host name (SNI and host name verification use the name, not the address).
 *
 * <p>The client and its connection pool live as long as the channel; {@link #close()} releases them.
 */
public final class WebhookChannel implements Channel {
  /**
   * Connect timeout per address; the deadline of a whole send (connecting, sending, the answer's
   * status and a short body), also the longest silence while reading; connections kept per host.
   */
  public record Limits(Duration connectTimeout, Duration deadline, int maxConnections) {
    public static Limits defaults(int maxConnections) {
      return new Limits(Duration.ofSeconds(5), Duration.ofSeconds(10), maxConnections);
    }
  }

  /** Bytes of an answer's body read so that its connection can be kept; a longer body closes it. */
  private static final int KEPT_BODY_BYTES = 64 * 1024;
  private static final ContentType JSON = ContentType.create("application/json");

  private final WebhookTargetPolicy policy;
  private final MessageComposer composer;
  private final ObjectMapper json;
  private final Duration deadline;
  private final PinnedResolver resolver = new PinnedResolver();
  private final CloseableHttpClient http;
  private final ScheduledExecutorService deadlines;

  public WebhookChannel(WebhookTargetPolicy policy, MessageComposer composer, ObjectMapper json, Limits limits) {
    this(policy, composer, json, limits, SSLContexts.createSystemDefault());
  }

  /** With the TLS context whose trust anchors check the endpoints' certificates (tests trust their own). */
  WebhookChannel(WebhookTargetPolicy policy, MessageComposer composer, ObjectMapper json, Limits limits,
      SSLContext tls) {
    this.policy = policy;
    this.composer = composer;
    this.json = json;
    this.deadline = limits.deadline();
    Timeout wait = Timeout.of(limits.deadline());
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                .setSslContext(tls)
                .buildClassic())
            .setMaxConnTotal(limits.maxConnections())
            .setMaxConnPerRoute(limits.maxConnections())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(limits.connectTimeout()))
                .setSocketTimeout(wait)
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .setTimeToLive(TimeValue.ofMinutes(5))
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(wait)
            .setResponseTimeout(wait)
            .setRedirectsEnabled(false)
            .setAuthenticationEnabled(false)
            .setHardCancellationEnabled(true)
            .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .build();
    this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "notifier-webhook-deadlines");
      t.setDaemon(true);
      return t;
    });
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
    WebhookTarget target = policy.check(url);
    String id = NotificationKey.webhookId(notice.row().key());
    long timestamp = notice.at().getEpochSecond();
    String body;
    try {
      // A team chat's incoming webhook shows a "text"; an integration gets the notification itself. Both are signed.
      body = json.writeValueAsString(notice.recipient().webhookFormat() == WebhookFormat.CHAT
          ? java.util.Map.of("text", composer.chatText(notice)) : composer.webhookPayload(notice, id));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpPost post = new HttpPost(target.uri());
    post.setHeader("webhook-id", id);
    post.setHeader("webhook-timestamp", String.valueOf(timestamp));
    post.setHeader("webhook-signature", WebhookSigner.sign(secret, id, timestamp, body));
    post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
    checkStatus(execute(post, target));
  }

  /** Sends within the deadline, connecting only to the target's vetted addresses; returns the status. */
  private int execute(HttpPost post, WebhookTarget target) throws DeliveryException {
    AtomicBoolean late = new AtomicBoolean();
    int[] status = {-1};
    ScheduledFuture<?> timer = deadlines.schedule(() -> {
      late.set(true);
      post.cancel();
    }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    try (PinnedResolver.Pin pin = resolver.pin(target)) {
      http.execute(post, response -> {
        status[0] = response.getCode();
        if (!readToEnd(response.getEntity())) {
          post.cancel(); // a long body: close the connection rather than read it all
        }
        return null;
      });
    } catch (IOException e) {
      if (status[0] < 0) { // after the status, only the body's reading failed: the status decides
        throw DeliveryException.transientFailure(late.get()
            ? "webhook did not answer within " + deadline.toSeconds() + " s"
            : "webhook unreachable: " + e.getClass().getSimpleName(), e);
      }
    } finally {
      timer.cancel(false);
    }
    return status[0];
  }

  private static boolean readToEnd(HttpEntity entity) throws IOException {
    if (entity == null) {
      return true;
    }
    InputStream in = entity.getContent();
    byte[] buffer = new byte[8192];
    for (int read = 0; read <= KEPT_BODY_BYTES; ) {
      int n = in.read(buffer);
      if (n < 0) {
        return true;
      }
      read += n;
    }
    return false;
  }

  private static void checkStatus(int status) throws DeliveryException {
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    throw new DeliveryException("webhook answered " + status, !retryable, null);
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    http.close(CloseMode.GRACEFUL);
  }
}
