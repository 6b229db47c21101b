package org.vigie.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  @Test
  void matchesTheStandardWebhooksReferenceVector() {
    String signature = WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330L, "{\"test\": 2432232314}");
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void anyChangeOfBodyIdOrTimestampChangesTheSignature() {
    String base = WebhookSigner.sign("secret", "msg_1", 10, "{}");
    assertThat(WebhookSigner.sign("secret", "msg_2", 10, "{}")).isNotEqualTo(base);
    assertThat(WebhookSigner.sign("secret", "msg_1", 11, "{}")).isNotEqualTo(base);
    assertThat(WebhookSigner.sign("secret", "msg_1", 10, "{ }")).isNotEqualTo(base);
    assertThat(WebhookSigner.sign("other", "msg_1", 10, "{}")).isNotEqualTo(base);
  }
}
