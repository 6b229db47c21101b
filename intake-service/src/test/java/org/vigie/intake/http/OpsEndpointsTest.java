package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

class OpsEndpointsTest {
  private final Api api = TestIntake.api();

  @Test
  void healthReadinessAndMetricsWithRequestsAndRejections() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    TestIntake.newCase(api, a.token());
    api.post("/api/v1/cases", a.token(), "{}");
    assertThat(api.get("/health", null).status()).isEqualTo(200);
    Api.Response ready = api.get("/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().at("/checks/kafka").asBoolean()).isTrue();
    assertThat(ready.json().at("/checks/database").asBoolean()).isTrue();
    String metrics = api.get("/metrics", null).body();
    assertThat(metrics).contains("vigie_intake_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/cases\",status=\"201\"}");
    assertThat(metrics).contains("vigie_intake_rejections_total{reason=\"malformed-request\",status=\"400\"}");
  }

  @Test
  void theVolunteersPageIsServedInFrench() {
    Api.Response page = api.get("/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("lang=\"fr\"", "Alertes ouvertes", "Enregistrer un événement", "/api/v1/cases");
  }
}
