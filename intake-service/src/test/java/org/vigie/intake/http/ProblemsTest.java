package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.topics.Topics;

/** Bad requests get RFC 9457 problems naming the field, and produce no event. */
class ProblemsTest {
  private final Api api = TestIntake.api();

  private static void assertProblem(Api.Response r, int status, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("type").asText()).startsWith("/problems/");
    assertThat(r.json().get("title").asText()).contains("/");
    assertThat(r.body()).doesNotContain("\uFFFD");
    if (field != null) {
      assertThat(r.json().path("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void malformedAndSemanticErrorsAreProblemsNamingTheField() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String events = "/api/v1/cases/" + caseId + "/events";
    assertProblem(api.post(events, a.token(), "{not json"), 400, null);
    assertProblem(api.post(events, a.token(), "[1,2]"), 400, null);
    assertProblem(api.post(events, a.token(), ""), 400, null);
    assertProblem(api.post(events, a.token(), "{\"type\":\"API_ISSUED\",\"occurredOn\":\"2026-11-01\"}"), 400, "validUntil");
    assertProblem(api.post(events, a.token(), "{\"type\":\"API_ISSUED\",\"occurredOn\":\"2026-01-01\",\"validUntil\":\"2026-06-01\"}"), 422, "validUntil");
    assertProblem(api.post("/api/v1/cases", a.token(), "{\"procedure\":\"RENEWAL\",\"department\":\"93\"}"), 400, "permit");
    assertProblem(api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"93\"", "\"00\"")), 422, "department");
    assertProblem(api.post("/api/v1/cases", a.token(),
        TestIntake.RENEWAL_CASE.replace("\"employed\"", "\"assignedVolunteerId\":\"6f1c1f9e-2b7e-4d1a-9a53-2f0c0f7d8e11\",\"employed\"")),
        422, "assignedVolunteerId");
    assertProblem(api.get("/api/v1/cases/6f1c1f9e-2b7e-4d1a-9a53-2f0c0f7d8e11", a.token()), 404, null);
    assertProblem(api.get("/api/v1/cases/nope", a.token()), 404, null);
    assertProblem(api.get("/api/v1/cases/%00", a.token()), 400, null);
    assertProblem(api.get("/api/v1/cases?limit=0", a.token()), 422, "limit");
    assertProblem(api.get("/api/v1/cases?status=later", a.token()), 422, "status");
    assertProblem(api.get("/api/v1/alerts?status=later", a.token()), 422, "status");

    // Only the case opening reached Kafka.
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(1);
  }

  @Test
  void valuesThatWouldBreakAComputationOrAQueryAreProblemsNamingThem() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String comparison = "/api/v1/associations/" + a.id() + "/stats/comparison";
    // a day no case can hold: refused before a computation on it leaves the calendar
    assertProblem(api.get(comparison + "?pivot=-999999999-01-01", a.token()), 422, "pivot");
    assertProblem(api.get(comparison + "?pivot=1999-12-31", a.token()), 422, "pivot");
    assertThat(api.get(comparison + "?pivot=2026-01-01&days=30", a.token()).status()).isEqualTo(200);
    assertProblem(api.get("/api/v1/follow-ups?from=%2B999999999-12-31", a.token()), 422, "from");
    // a NUL in a query parameter never reaches the database; a department filter is a department code
    assertProblem(api.get("/api/v1/cases?department=%00", a.token()), 400, "department");
    assertProblem(api.get("/api/v1/cases?department=9%003", a.token()), 400, "department");
    assertProblem(api.get("/api/v1/cases?department=00", a.token()), 422, "department");
    assertThat(api.get("/api/v1/cases?department=93", a.token()).json().get("cases")).isNotEmpty();
    assertThat(api.get("/api/v1/cases?department=2a", a.token()).status()).isEqualTo(200);
    // a body too short to be a workbook is read as CSV text: its header is what is wrong
    for (String shortBody : new String[] {"a", "a;b", "1234567"}) {
      Api.Response r = api.send("POST", "/api/v1/imports", a.token(), shortBody, Map.of("Content-Type", "text/csv"));
      assertProblem(r, 400, null);
    }
    // a hand-over is dated as any event: not before 2000, not in the future
    assertProblem(api.put("/api/v1/cases/" + caseId + "/assignee", a.token(),
        "{\"volunteerId\":\"" + volunteer + "\",\"occurredOn\":\"1900-01-01\"}"), 422, "occurredOn");
    assertProblem(api.post("/api/v1/cases/reassignments", a.token(), "{\"fromVolunteerId\":\"" + volunteer
        + "\",\"toVolunteerId\":\"" + volunteer + "\",\"occurredOn\":\"0001-01-01\"}"), 422, "occurredOn");
    // half a character (an emoji cut in two) would be stored as '?'
    assertProblem(api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"person\":{\"displayName\":\"A\\ud800B\"},\"employed\"")), 422, "person.displayName");
    assertProblem(api.post("/api/v1/cases/" + caseId + "/notes", a.token(), "{\"text\":\"x\\udc00y\"}"), 422, "text");
    assertThat(api.post("/api/v1/cases/" + caseId + "/notes", a.token(), "{\"text\":\"merci \\ud83d\\ude42\"}").status())
        .isEqualTo(201);

    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(1);
  }

  @Test
  void theDetailIsInFrenchUnlessTheCallerPrefersEnglish() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String badDepartment = TestIntake.RENEWAL_CASE.replace("\"93\"", "\"00\"");

    Api.Response french = api.post("/api/v1/cases", a.token(), badDepartment);
    assertProblem(french, 422, "department");
    assertThat(french.text("detail")).startsWith("Le champ 'department' doit être un code de département");
    assertThat(french.headers().firstValue("Content-Language")).contains("fr");

    Api.Response english = api.send("POST", "/api/v1/cases", a.token(), badDepartment,
        Map.of("Content-Type", "application/json", "Accept-Language", "en-GB,en;q=0.9,fr;q=0.5"));
    assertProblem(english, 422, "department");
    assertThat(english.text("detail")).startsWith("Field 'department' must be a French department code");
    assertThat(english.headers().firstValue("Content-Language")).contains("en");

    Api.Response missing = api.get("/api/v1/cases/6f1c1f9e-2b7e-4d1a-9a53-2f0c0f7d8e11", a.token());
    assertThat(missing.text("detail")).isEqualTo("Dossier introuvable");
    Api.Response anonymous = api.send("GET", "/api/v1/cases", null, null, Map.of("Accept-Language", "en"));
    assertThat(anonymous.text("detail")).isEqualTo("A valid bearer token is required");
  }

  @Test
  void noEventOnAClosedCase() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String events = "/api/v1/cases/" + caseId + "/events";
    assertThat(api.post(events, a.token(), "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}").status()).isEqualTo(202);
    assertProblem(api.post(events, a.token(), "{\"type\":\"API_EXPIRY_RECORDED\",\"occurredOn\":\"2026-11-01\"}"), 422, "caseId");
    assertThat(api.get("/api/v1/cases/" + caseId, a.token()).text("status")).isEqualTo("CLOSED");
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(2);
  }

  @Test
  void authenticationAndRoles() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    assertProblem(api.get("/api/v1/cases", null), 401, "Authorization");
    assertThat(api.get("/api/v1/cases", null).headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertProblem(api.get("/api/v1/cases", "vgi_unknown"), 401, null);
    assertProblem(api.post("/api/v1/admin/associations", a.token(), "{\"name\":\"x\"}"), 403, null);
    assertProblem(api.get("/api/v1/cases", TestIntake.ADMIN_TOKEN), 403, null);
    assertProblem(api.post("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN, "{}"), 400, "name");
  }

  @Test
  void aKnownPathAskedWithAnotherMethodIs405WithItsMethodsAndAnUnknownPath404() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    Api.Response patch = api.send("PATCH", "/api/v1/cases", a.token(), "{}", Map.of());
    assertProblem(patch, 405, null);
    assertThat(patch.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST").doesNotContain("PATCH");
    assertThat(patch.text("detail")).contains("PATCH").contains("GET");
    Api.Response delete = api.delete("/api/v1/associations/" + a.id() + "/settings", a.token());
    assertProblem(delete, 405, null);
    assertThat(delete.headers().firstValue("Allow").orElse("")).contains("PUT");
    assertProblem(api.get("/api/v1/nothing-here", a.token()), 404, null);
    assertProblem(api.send("PATCH", "/api/v1/cases/made-up-405", a.token(), "{}", Map.of()), 405, null);
    assertThat(api.get("/metrics", null).body()).as("a made-up path is no metric label").doesNotContain("made-up-405");
  }

  @Test
  void requestsOverTheSizeLimitAre413() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    // The request declares its oversized length and sends no body: the service refuses it from the
    // header. (A client that keeps sending a large body can see the connection reset before it reads
    // the 413: the service closes a connection whose body it will not read.)
    assertProblem(declaring("/api/v1/cases", a.token(), "application/json", 70 * 1024), 413, null);
    assertProblem(declaring("/api/v1/imports", a.token(), "text/csv", 24L * 1024 * 1024), 413, null);
  }

  /** A POST that declares {@code length} bytes of body and sends none, over a plain socket. */
  private static Api.Response declaring(String path, String token, String contentType, long length) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", TestIntake.service().port())) {
      socket.setSoTimeout(30_000);
      String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      java.io.InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
      int headEnd = -1;
      int bodyLength = -1;
      byte[] buffer = new byte[8192];
      while (bodyLength < 0 || received.size() < headEnd + bodyLength) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        received.write(buffer, 0, n);
        String text = received.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && text.contains("\r\n\r\n")) {
          headEnd = text.indexOf("\r\n\r\n") + 4;
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
              .matcher(text.substring(0, headEnd));
          bodyLength = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
      }
      byte[] all = received.toByteArray();
      String headText = new String(all, 0, headEnd, java.nio.charset.StandardCharsets.ISO_8859_1);
      String[] lines = headText.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      String body = new String(all, headEnd, all.length - headEnd, java.nio.charset.StandardCharsets.UTF_8);
      return new Api.Response(status, body, java.net.http.HttpHeaders.of(headers, (k, v) -> true));
    }
  }
}
