package org.vigie.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client of the intake HTTP API (ARCHITECTURE.md, "The contract"). */
public final class IntakeClient {
  private final HttpClient http;
  private final ObjectMapper json;
  private final String baseUrl;
  private final String token;
  /** Said with a 401 when no token was given: where a token comes from. */
  private final String noTokenHint;

  public IntakeClient(HttpClient http, ObjectMapper json, String baseUrl, String token) {
    this(http, json, baseUrl, token, null);
  }

  private IntakeClient(HttpClient http, ObjectMapper json, String baseUrl, String token, String noTokenHint) {
    this.http = http;
    this.json = json;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
    this.noTokenHint = noTokenHint;
  }

  public static IntakeClient create(String baseUrl, String token) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return new IntakeClient(http, new ObjectMapper(), baseUrl, token);
  }

  /** The same server with another bearer token (e.g. an association's after the admin created it). */
  public IntakeClient withToken(String otherToken) {
    return new IntakeClient(http, json, baseUrl, otherToken, noTokenHint);
  }

  /** The same client, adding {@code hint} to the error when the server asks for the token it was not given. */
  public IntakeClient withNoTokenHint(String hint) {
    return new IntakeClient(http, json, baseUrl, token, hint);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public ObjectMapper json() {
    return json;
  }

  public ObjectNode object() {
    return json.createObjectNode();
  }

  /** {@code POST /api/v1/admin/associations} with the admin token: {associationId, token}. */
  public JsonNode createAssociation(String name) {
    return post("/api/v1/admin/associations", object().put("name", name), Map.of());
  }

  /** {@code POST /api/v1/associations/{id}/volunteers}: {volunteerId}. */
  public JsonNode createVolunteer(String associationId, String displayName, String email, String role) {
    ObjectNode body = object().put("displayName", displayName).put("email", email).put("role", role);
    return post("/api/v1/associations/" + associationId + "/volunteers", body, Map.of());
  }

  /** {@code POST /api/v1/cases}: {caseId}. */
  public JsonNode openCase(JsonNode body) {
    return post("/api/v1/cases", body, Map.of());
  }

  /** {@code POST /api/v1/cases/{id}/events}: {eventId}. */
  public JsonNode recordEvent(String caseId, JsonNode event) {
    return post("/api/v1/cases/" + caseId + "/events", event, Map.of());
  }

  /** Replaces event {@code eventId} of the case, recorded in error, by {@code event} (of the same type). */
  public JsonNode correctEvent(String caseId, String eventId, JsonNode event) {
    return post("/api/v1/cases/" + caseId + "/events/" + eventId + "/correction", event, Map.of());
  }

  public JsonNode getCase(String caseId) {
    return get("/api/v1/cases/" + caseId);
  }

  public JsonNode get(String path) {
    HttpRequest request = authorized(path).GET().header("Accept", "application/json").build();
    return send(request, "GET", path);
  }

  public JsonNode delete(String path) {
    HttpRequest request = authorized(path).DELETE().header("Accept", "application/json").build();
    return send(request, "DELETE", path);
  }

  public JsonNode post(String path, JsonNode body, Map<String, String> headers) {
    try {
      return post(path, json.writeValueAsBytes(body), "application/json", headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode post(String path, byte[] body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder builder = authorized(path)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", contentType)
        .header("Accept", "application/json");
    headers.forEach(builder::header);
    return send(builder.build(), "POST", path);
  }

  public JsonNode put(String path, JsonNode body) {
    try {
      HttpRequest request = authorized(path)
          .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .build();
      return send(request, "PUT", path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder authorized(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (hasToken()) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private boolean hasToken() {
    return token != null && !token.isBlank();
  }

  private JsonNode send(HttpRequest request, String method, String path) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        String hint = response.statusCode() == 401 && !hasToken() ? noTokenHint : null;
        throw new ApiException(method, path, response.statusCode(), response.body(), hint);
      }
      String body = response.body();
      return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach " + baseUrl + path + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + path, e);
    }
  }
}
