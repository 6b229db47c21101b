package org.vigie.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ProblemErrorHandlerTest {

  @Test
  void aPathTheServerRefusesBeforeAnyRouteIsAProblem() throws Exception {
    try (OpsServer server = OpsServer.start("127.0.0.1", 0, new Readiness(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/%00")).GET().build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = new ObjectMapper().readTree(r.body());
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.get("type").asText()).isEqualTo("/problems/http-400");
      assertThat(problem.get("detail").asText()).startsWith("Requête HTTP invalide");
    }
  }

  @Test
  void aPathOrAMethodNoRouteTakesIsAProblemToo() throws Exception {
    try (OpsServer server = OpsServer.start("127.0.0.1", 0, new Readiness(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> unknown = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "/nothing-here")).header("Accept-Language", "fr").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> posted = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = new ObjectMapper().readTree(unknown.body());
      assertThat(problem.get("status").asInt()).isEqualTo(404);
      assertThat(problem.get("detail").asText()).startsWith("Adresse inconnue");
      assertThat(posted.statusCode()).isIn(404, 405);
      assertThat(posted.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(new ObjectMapper().readTree(posted.body()).get("status").asInt()).isEqualTo(posted.statusCode());
    }
  }
}
