package org.vigie.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vigie.intake.support.Api;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.db.EmbeddedDatabase;
import org.vigie.platform.kafka.EmbeddedKafkaBroker;

/**
 * Canary identity strings go in through every door (API, notes, CSV, a rejected request) and
 * must appear nowhere in clear: not in Kafka's log segments, not in the logs, not in PostgreSQL's
 * files (tables and WAL). This test runs its own broker and database, whose files it needs to
 * read; it then stops them to see readiness fall.
 */
class CanaryAndReadinessTest {
  private static final String ADMIN = "canary-admin-token";
  private static final List<String> CANARIES = List.of("Zoltanqa Canarivic", "4815162342", "+33 7 99 88 77 66",
      "NoteCanaryXyzzy", "CsvCanaryPlugh", "1122334455", "RejectedCanaryFrobozz");

  @Test
  void identitiesAreNowhereInClearAndReadinessFollowsDependencies(@TempDir Path dir) throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"));
    try (IntakeService intake = IntakeService.start(Config.of(Map.of(
        ConfigNames.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
        ConfigNames.VIGIE_DB_URL, db.jdbcUrl(),
        ConfigNames.VIGIE_HTTP_PORT, "0",
        ConfigNames.VIGIE_ADMIN_TOKEN, ADMIN,
        "VIGIE_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]))))) {
      Api api = new Api(intake.port());
      String token = api.post("/api/v1/admin/associations", ADMIN, "{\"name\":\"Canary association\"}").text("token");
      Api.Response opened = api.post("/api/v1/cases", token, """
          {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"75",
           "person":{"displayName":"Zoltanqa Canarivic","foreignerNumber":"4815162342","phone":"+33 7 99 88 77 66"}}""");
      assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
      String caseId = opened.text("caseId");
      assertThat(api.post("/api/v1/cases/" + caseId + "/events", token,
          "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-11-01\",\"blockage\":\"OTHER\",\"note\":\"NoteCanaryXyzzy\"}").status())
          .isEqualTo(202);
      Api.Response imported = api.send("POST", "/api/v1/imports", token,
          "nom;numero_etranger;type_titre;date_expiration;demarche;departement\nCsvCanaryPlugh;1122334455;carte temporaire;01/12/2026;renouvellement;75\n",
          Map.of("Content-Type", "text/csv"));
      assertThat(imported.json().get("accepted").asInt()).isEqualTo(1);
      Api.Response rejected = api.post("/api/v1/cases", token,
          "{\"procedure\":\"RENEWAL\",\"department\":\"75\",\"permit\":{\"kind\":\"OTHER\",\"expiresOn\":\"2026-12-01\"},"
              + "\"person\":{\"phone\":\"RejectedCanaryFrobozz\"}}");
      assertThat(rejected.status()).isEqualTo(422);
      assertThat(rejected.body()).doesNotContain("RejectedCanaryFrobozz");
      assertThat(api.get("/api/v1/cases/" + caseId, token).body()).contains("Zoltanqa Canarivic", "NoteCanaryXyzzy");
      assertThat(api.get("/ready", null).status()).isEqualTo(200);

      try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
        s.execute("CHECKPOINT");
      }
      List<String> found = new ArrayList<>();
      scan(dir.resolve("kafka"), found);
      scan(dir.resolve("pg"), found);
      for (ILoggingEvent e : logs.list) {
        String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
        CANARIES.stream().filter(line::contains).forEach(cn -> found.add("log: " + cn));
      }
      assertThat(found).isEmpty();
      assertThat(Files.walk(dir.resolve("kafka")).anyMatch(p -> p.toString().contains("vigie.case-events.v1"))).isTrue();

      broker.close();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        Api.Response ready = api.get("/ready", null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().at("/checks/kafka").asBoolean()).isFalse();
        assertThat(ready.json().at("/checks/database").asBoolean()).isTrue();
      });
      // Kafka down: the event is committed to the outbox but not confirmed, so the answer is 503, not 202.
      Api.Response unconfirmed = api.post("/api/v1/cases/" + caseId + "/events", token,
          "{\"type\":\"EMPLOYER_REFUSED_API\",\"occurredOn\":\"2026-11-02\"}");
      assertThat(unconfirmed.status()).as(unconfirmed.toString()).isEqualTo(503);
      assertThat(unconfirmed.contentType()).startsWith("application/problem+json");
      try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM intake.outbox WHERE published_at IS NULL")) {
        rs.next();
        assertThat(rs.getInt(1)).as("left for the relay").isEqualTo(1);
      }
      db.close();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(api.get("/ready", null).json().at("/checks/database").asBoolean()).isFalse());
    } finally {
      root.detachAppender(logs);
      broker.close();
    }
  }

  private static void scan(Path root, List<String> found) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(f -> {
        try {
          String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          for (String canary : CANARIES) {
            if (content.contains(new String(canary.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
              found.add(f + ": " + canary);
            }
          }
        } catch (IOException e) {
          if (!(e instanceof java.nio.file.NoSuchFileException)) {
            throw new UncheckedIOException(e);
          }
        }
      });
    }
  }
}
