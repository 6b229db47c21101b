package org.vigie.intake.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.intake.IntakeService;
import org.vigie.intake.support.Api;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.platform.testing.SharedPostgres;

/**
 * The master key is replaced on a running vault: restarted with the new key and the previous one,
 * intake re-wraps every data key (more than one batch of them) and its own secrets under the new
 * key while serving; then the new key alone opens everything, a spreadsheet imported before is
 * still recognised, and the old key alone is refused at start.
 */
class MasterKeyRotationTest {
  private static final String ADMIN = "rotation-admin";
  private static final int IMPORTED = 1_200;
  private final SecureRandom random = new SecureRandom();

  @Test
  void theVaultMovesToANewMasterKeyWithoutLosingAnything() throws Exception {
    String db = SharedPostgres.newDatabaseUrl();
    String keyA = newKey();
    String keyB = newKey();
    String csv = spreadsheet();
    String token;
    String caseId;
    Map<String, byte[]> wrappedUnderA;
    try (IntakeService intake = IntakeService.start(config(db, keyA, null))) {
      Api api = new Api(intake.port());
      token = api.post("/api/v1/admin/associations", ADMIN, "{\"name\":\"Rotation\"}").text("token");
      caseId = api.post("/api/v1/cases", token, """
          {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"75",
           "person":{"displayName":"Aïcha Benali","foreignerNumber":"7501234567","phone":"+33 6 11 22 33 44"}}""").text("caseId");
      assertThat(api.post("/api/v1/cases/" + caseId + "/events", token,
          "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-11-01\",\"blockage\":\"OTHER\",\"note\":\"Dossier bloqué depuis juin\"}")
          .status()).isEqualTo(202);
      assertThat(importCsv(api, token, csv).get("accepted").asInt()).isEqualTo(IMPORTED);
      wrappedUnderA = wrappedKeys(db);
      assertThat(wrappedUnderA).hasSize(IMPORTED + 1);
      assertThat(keyIds(db, "case_keys")).containsOnly(MasterKey.fromBase64(keyA).id());
    }

    String idB = MasterKey.fromBase64(keyB).id();
    try (IntakeService intake = IntakeService.start(config(db, keyB, keyA))) {
      Api api = new Api(intake.port());
      assertIdentityAndNoteReadable(api, token, caseId);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(keyIds(db, "case_keys")).containsOnly(idB);
        assertThat(keyIds(db, "vault_secrets")).containsOnly(idB);
      });
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(api.get("/metrics", null).body()).contains("vigie_intake_vault_keys_to_rewrap 0.0"));
      Map<String, byte[]> wrappedUnderB = wrappedKeys(db);
      assertThat(wrappedUnderB.keySet()).isEqualTo(wrappedUnderA.keySet());
      wrappedUnderB.forEach((id, bytes) -> assertThat(bytes).as(id).isNotEqualTo(wrappedUnderA.get(id)));
      assertIdentityAndNoteReadable(api, token, caseId);
    }

    try (IntakeService intake = IntakeService.start(config(db, keyB, null))) {
      Api api = new Api(intake.port());
      assertIdentityAndNoteReadable(api, token, caseId);
      var again = importCsv(api, token, csv);
      assertThat(again.get("accepted").asInt()).isZero();
      assertThat(again.get("duplicates").asInt()).isEqualTo(IMPORTED);
    }

    assertThatThrownBy(() -> IntakeService.start(config(db, keyA, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("VIGIE_MASTER_KEY does not open the identity vault")
        .hasMessageContaining(idB);
  }

  @Test
  void keysStoredBeforeKeyIdsAreLabelledAndAWrongKeyIsRefusedAtStart() throws Exception {
    String db = SharedPostgres.newDatabaseUrl();
    String key = newKey();
    Opened opened = oneCase(db, key, "{\"displayName\":\"Aïcha Benali\"}");
    String token = opened.token();
    String caseId = opened.caseId();
    // As a vault written before key ids were stored.
    sql(db, "UPDATE intake.case_keys SET master_key_id = NULL");

    assertThatThrownBy(() -> IntakeService.start(config(db, newKey(), null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("VIGIE_MASTER_KEY does not open the identity vault");

    try (IntakeService intake = IntakeService.start(config(db, key, null))) {
      Api api = new Api(intake.port());
      assertThat(api.get("/api/v1/cases/" + caseId, token).json().at("/person/displayName").asText()).isEqualTo("Aïcha Benali");
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(keyIds(db, "case_keys")).containsOnly(MasterKey.fromBase64(key).id()));
    }
  }

  @Test
  void identitiesStoredBeforeTheirHashesWereKeptAreFoundByNumberAndNameOnceTheServiceHashedThem() throws Exception {
    String db = SharedPostgres.newDatabaseUrl();
    String key = newKey();
    Opened opened = oneCase(db, key, "{\"displayName\":\"Aïcha Benali\",\"foreignerNumber\":\"7501234567\"}",
        "{\"displayName\":\"Sans Numéro\"}");
    String token = opened.token();
    String caseId = opened.caseId();
    // As identities stored before the hashes were kept.
    sql(db, "UPDATE intake.identities SET foreigner_number_index = NULL, name_index = NULL");

    try (IntakeService intake = IntakeService.start(config(db, key, null))) {
      Api api = new Api(intake.port());
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(api.get("/api/v1/cases?foreignerNumber=7501234567", token).json().at("/cases/0/caseId").asText())
              .isEqualTo(caseId));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(db,
          "SELECT count(*) FROM intake.identities WHERE foreigner_number_index IS NULL")).isZero());
      assertThat(count(db, "SELECT count(*) FROM intake.identities WHERE length(foreigner_number_index) = 0")).isEqualTo(1);
      assertThat(count(db, "SELECT count(*) FROM intake.identities WHERE name_index IS NULL")).isZero();
      // The names too: a new case for "Sans Numéro", without a number, is told of the one stored before.
      Api.Response again = api.post("/api/v1/cases", token, """
          {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
           "person":{"displayName":"NUMERO sans"}}""");
      assertThat(again.json().get("possibleDuplicatesByName")).hasSize(1);
    }
  }

  @Test
  void theDevelopmentKeyCanBeThePreviousOne() {
    assertThat(MasterKey.previous(MasterKey.DEVELOPMENT).id()).isEqualTo(MasterKey.fromBase64(null).id());
    assertThat(MasterKey.previous(MasterKey.DEVELOPMENT).isDevelopmentKey()).isTrue();
    assertThatThrownBy(() -> MasterKey.previous("short"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("VIGIE_MASTER_KEY_PREVIOUS");
    assertThat(MasterKey.fromBase64(newKey()).id()).hasSize(16).isNotEqualTo(MasterKey.fromBase64(newKey()).id());
  }

  private static void assertIdentityAndNoteReadable(Api api, String token, String caseId) {
    Api.Response c = api.get("/api/v1/cases/" + caseId, token);
    assertThat(c.status()).as(c.toString()).isEqualTo(200);
    assertThat(c.json().at("/person/displayName").asText()).isEqualTo("Aïcha Benali");
    assertThat(c.json().at("/person/foreignerNumber").asText()).isEqualTo("7501234567");
    assertThat(c.body()).contains("Dossier bloqué depuis juin");
  }

  private static com.fasterxml.jackson.databind.JsonNode importCsv(Api api, String token, String csv) {
    Api.Response r = api.send("POST", "/api/v1/imports", token, csv, Map.of("Content-Type", "text/csv"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static String spreadsheet() {
    StringBuilder csv = new StringBuilder("nom;type_titre;date_expiration;demarche;departement\n");
    for (int i = 0; i < IMPORTED; i++) {
      csv.append("Personne ").append(i).append(";carte temporaire;01/12/2026;renouvellement;93\n");
    }
    return csv.toString();
  }

  private String newKey() {
    byte[] k = new byte[32];
    random.nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  private static Config config(String db, String key, String previous) {
    Map<String, String> m = new HashMap<>(Map.of(
        ConfigNames.KAFKA_BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
        ConfigNames.VIGIE_DB_URL, db,
        ConfigNames.VIGIE_HTTP_PORT, "0",
        ConfigNames.VIGIE_ADMIN_TOKEN, ADMIN,
        MasterKey.VIGIE_MASTER_KEY, key));
    if (previous != null) {
      m.put(MasterKey.VIGIE_MASTER_KEY_PREVIOUS, previous);
    }
    return Config.of(m);
  }

  private static java.util.Set<String> keyIds(String db, String table) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT coalesce(master_key_id, 'none') FROM intake." + table)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static Map<String, byte[]> wrappedKeys(String db) throws Exception {
    Map<String, byte[]> keys = new HashMap<>();
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT case_id, wrapped_key FROM intake.case_keys")) {
      while (rs.next()) {
        keys.put(rs.getString(1), rs.getBytes(2));
      }
    }
    return keys;
  }

  private record Opened(String token, String caseId) {}

  /** On a vault of its own under {@code key}: an association and a case per person given; the first case's id. */
  private static Opened oneCase(String db, String key, String... people) {
    try (IntakeService intake = IntakeService.start(config(db, key, null))) {
      Api api = new Api(intake.port());
      String token = api.post("/api/v1/admin/associations", ADMIN, "{\"name\":\"Avant\"}").text("token");
      List<String> ids = new java.util.ArrayList<>();
      for (String person : people) {
        ids.add(api.post("/api/v1/cases", token, """
            {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
             "person":%s}""".formatted(person)).text("caseId"));
      }
      return new Opened(token, ids.get(0));
    }
  }

  private static long count(String db, String query) throws Exception {
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(String db, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
