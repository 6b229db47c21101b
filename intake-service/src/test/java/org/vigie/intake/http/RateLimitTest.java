package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.intake.IntakeService;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/** Per-token rate limit over real HTTP, on an intake configured with a tiny limit. */
class RateLimitTest {
  @Test
  void aTokenOverItsRateGets429AndOtherTokensAreUnaffected() {
    try (IntakeService intake = IntakeService.start(TestIntake.config().with("VIGIE_RATE_LIMIT_PER_SECOND", "1"))) {
      Api api = new Api(intake.port());
      TestIntake.Association a = TestIntake.newAssociation(api);
      TestIntake.Association b = TestIntake.newAssociation(api);
      List<Integer> statuses = new ArrayList<>();
      Api.Response limited = null;
      for (int i = 0; i < 8; i++) {
        Api.Response r = api.get("/api/v1/cases", a.token());
        statuses.add(r.status());
        if (r.status() == 429) {
          limited = r;
        }
      }
      assertThat(statuses).contains(200, 429);
      assertThat(limited).isNotNull();
      assertThat(limited.contentType()).startsWith("application/problem+json");
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(api.get("/api/v1/cases", b.token()).status()).isEqualTo(200);
      assertThat(api.get("/metrics", null).body()).contains("vigie_intake_rejections_total{reason=\"rate-limited\",status=\"429\"}");
    }
  }
}
