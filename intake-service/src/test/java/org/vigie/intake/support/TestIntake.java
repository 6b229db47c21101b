package org.vigie.intake.support;

import java.util.Map;
import java.util.UUID;
import org.vigie.intake.IntakeService;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.platform.testing.SharedPostgres;

/**
 * One intake service per test JVM on the shared broker and a fresh database; tests isolate
 * themselves by creating their own association. Also helpers to create associations, volunteers
 * and cases.
 */
public final class TestIntake {
  public static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

  private TestIntake() {}

  public static IntakeService service() {
    return Holder.SERVICE;
  }

  public static Api api() {
    return Holder.API;
  }

  /** JDBC URL of the shared service's database. */
  public static String databaseUrl() {
    return Holder.CONFIG.require(ConfigNames.VIGIE_DB_URL);
  }

  public static Config config() {
    return Config.of(Map.of(
        ConfigNames.KAFKA_BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
        ConfigNames.VIGIE_DB_URL, SharedPostgres.newDatabaseUrl(),
        ConfigNames.VIGIE_HTTP_PORT, "0",
        ConfigNames.VIGIE_ADMIN_TOKEN, ADMIN_TOKEN,
        "VIGIE_RATE_LIMIT_PER_SECOND", "100000"));
  }

  private static final class Holder {
    static final Config CONFIG = config();
    static final IntakeService SERVICE = start();
    static final Api API = new Api(SERVICE.port());

    private static IntakeService start() {
      IntakeService s = IntakeService.start(CONFIG);
      SharedKafka.closeBeforeBroker(s);
      return s;
    }
  }

  /** An association with its coordinator-level token. */
  public record Association(String id, String token) {}

  public static Association newAssociation(Api api) {
    Api.Response r = api.post("/api/v1/admin/associations", ADMIN_TOKEN, "{\"name\":\"Permanence " + UUID.randomUUID() + "\"}");
    if (r.status() != 201) {
      throw new AssertionError("association: " + r);
    }
    return new Association(r.text("associationId"), r.text("token"));
  }

  public static String newVolunteer(Api api, Association a, String role) {
    Api.Response r = api.post("/api/v1/associations/" + a.id() + "/volunteers", a.token(),
        "{\"displayName\":\"Bénévole\",\"email\":\"v" + UUID.randomUUID() + "@example.org\",\"role\":\"" + role + "\"}");
    if (r.status() != 201) {
      throw new AssertionError("volunteer: " + r);
    }
    return r.text("volunteerId");
  }

  public static String tokenFor(Api api, Association a, String volunteerId) {
    Api.Response r = api.post("/api/v1/associations/" + a.id() + "/tokens", a.token(), "{\"volunteerId\":\"" + volunteerId + "\"}");
    if (r.status() != 201) {
      throw new AssertionError("token: " + r);
    }
    return r.text("token");
  }

  public static final String RENEWAL_CASE = """
      {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
       "employed":true,"receivesBenefits":false}""";

  public static String newCase(Api api, String token) {
    Api.Response r = api.post("/api/v1/cases", token, RENEWAL_CASE);
    if (r.status() != 201) {
      throw new AssertionError("case: " + r);
    }
    return r.text("caseId");
  }
}
