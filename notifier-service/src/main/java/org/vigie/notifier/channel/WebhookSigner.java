package org.vigie.notifier.channel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.vigie.platform.crypto.HmacSha256;

/**
 * Standard Webhooks signature: {@code v1,} + base64(HMAC-SHA256(secret, id + "." + timestamp + "." + body)).
 * A secret written {@code whsec_<base64>} is decoded; any other secret is used as its UTF-8 bytes.
 */
public final class WebhookSigner {
  private WebhookSigner() {}

  public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
    byte[] signed = HmacSha256.of(keyBytes(secret), (webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(signed);
  }

  static byte[] keyBytes(String secret) {
    if (secret.startsWith("whsec_")) {
      try {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
      } catch (IllegalArgumentException e) {
        return secret.getBytes(StandardCharsets.UTF_8);
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
