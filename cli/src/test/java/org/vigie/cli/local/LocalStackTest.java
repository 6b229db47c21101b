package org.vigie.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.cli.client.IntakeClient;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.intake.IntakeSettings;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.rules.RulesSettings;

/** {@code vigie local}'s start logic in-process: everything embedded, on free ports, in a temp data dir. */
class LocalStackTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void startsTheWholeStackServesHealthAndMailsKeepsDataAcrossARestartAndStops(@TempDir Path dataDir) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put(ConfigNames.VIGIE_DATA_DIR, dataDir.toString());
    Config config = withFreePorts(env);

    String associationId;
    String associationToken;
    String adminToken;
    String rulesInstance;
    try (LocalStack stack = LocalStack.start(config, VigieServices.all())) {
      rulesInstance = stack.serviceConfig().require(RulesSettings.INSTANCE_ID);
      assertThat(rulesInstance).matches("vigie-local-rules-[0-9a-f]{16}");
      assertThat(get(stack.intakeUrl() + "/health").statusCode()).isEqualTo(200);
      adminToken = stack.adminToken();
      assertThat(Files.readString(dataDir.resolve(LocalStack.ADMIN_TOKEN_FILE)).strip()).isEqualTo(adminToken);

      JsonNode association = IntakeClient.create(stack.intakeUrl(), adminToken).createAssociation("Permanence locale");
      associationId = association.get("associationId").asText();
      associationToken = association.get("token").asText();

      LocalMailbox mailbox = stack.mailbox().orElseThrow();
      GreenMailUtil.sendTextEmail("benevole@asso.example", "vigie@localhost", "Alerte de test", "Bonjour",
          new ServerSetup(mailbox.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      HttpResponse<String> page = get("http://localhost:" + mailbox.webPort() + "/");
      assertThat(page.body()).contains("Alerte de test").contains("benevole@asso.example");
    }
    assertThat(refused(config.require(ConfigNames.VIGIE_HTTP_PORT))).as("intake stopped").isTrue();

    // a second start on the same data directory finds the same admin token and the association
    try (LocalStack again = LocalStack.start(withFreePorts(env), VigieServices.all())) {
      assertThat(again.adminToken()).isEqualTo(adminToken);
      // the same static member: a start after a crash takes the rules' partitions back at once
      assertThat(again.serviceConfig().require(RulesSettings.INSTANCE_ID)).isEqualTo(rulesInstance);
      JsonNode volunteers = IntakeClient.create(again.intakeUrl(), associationToken)
          .get("/api/v1/associations/" + associationId + "/volunteers");
      assertThat(volunteers.path("volunteers").isArray()).isTrue();
    }
  }

  @Test
  void withKafkaDatabaseAndSmtpGivenItStartsNoneOfItsOwnAndPassesThemOn(@TempDir Path dataDir) {
    int intakePort = FreePorts.pick();
    int notifierPort = FreePorts.pick();
    Config config = Config.of(Map.of(
        ConfigNames.VIGIE_DATA_DIR, dataDir.toString(),
        ConfigNames.KAFKA_BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
        ConfigNames.VIGIE_DB_URL, "jdbc:postgresql://db.example:5432/vigie",
        ConfigNames.SMTP_HOST, "smtp.example",
        ConfigNames.VIGIE_ADMIN_TOKEN, "given-admin-token",
        ConfigNames.VIGIE_HTTP_PORT, String.valueOf(intakePort),
        org.vigie.notifier.config.NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, String.valueOf(notifierPort),
        LocalNames.VIGIE_RULES_OPS_PORT, String.valueOf(FreePorts.pick())));
    List<Config> seen = new ArrayList<>();
    ServiceLauncher probe = new ServiceLauncher("probe", c -> {
      seen.add(c);
      return new ServiceLauncher.Started("probe", () -> { }, null);
    });

    try (LocalStack stack = LocalStack.start(config, List.of(probe))) {
      assertThat(stack.mailbox()).isEmpty();
      assertThat(stack.adminToken()).isEqualTo("given-admin-token");
    }
    Config given = seen.get(0);
    assertThat(given.require(ConfigNames.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo(SharedKafka.bootstrapServers());
    assertThat(given.require(ConfigNames.VIGIE_DB_URL)).isEqualTo("jdbc:postgresql://db.example:5432/vigie");
    assertThat(given.require(ConfigNames.SMTP_HOST)).isEqualTo("smtp.example");
    assertThat(given.require(IntakeSettings.VIGIE_MASTER_KEY)).isNotBlank();
    assertThat(given.require(ConfigNames.VIGIE_PUBLIC_URL)).isEqualTo("http://localhost:" + notifierPort);
    assertThat(given.require(org.vigie.notifier.config.NotifierSettings.VIGIE_PAGE_URL))
        .as("e-mails link the cases to the local page").isEqualTo("http://localhost:" + intakePort);
    assertThat(dataDir.resolve("kafka")).doesNotExist();
    assertThat(dataDir.resolve("postgres")).doesNotExist();
    assertThat(dataDir.resolve(LocalStack.ADMIN_TOKEN_FILE)).doesNotExist();
  }

  @Test
  void aPortAnotherProgramListensOnStopsTheStartBeforeAnythingStartsNamingItsVariable(@TempDir Path dataDir)
      throws Exception {
    Config config = withFreePorts(Map.of(ConfigNames.VIGIE_DATA_DIR, dataDir.toString()));
    int taken = config.getInt(org.vigie.notifier.config.NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, 0);
    try (java.net.ServerSocket other = new java.net.ServerSocket(taken)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalStack.start(config, VigieServices.all()))
          .isInstanceOf(org.vigie.platform.config.ConfigException.class)
          .hasMessageContaining("VIGIE_NOTIFIER_HTTP_PORT = " + taken)
          .hasMessageContaining("déjà utilisé").hasMessageContaining("already in use");
    }
    assertThat(dataDir.resolve("kafka")).as("no broker was started").doesNotExist();
    assertThat(dataDir.resolve("postgres")).as("no database was started").doesNotExist();
  }

  private static Config withFreePorts(Map<String, String> env) {
    Map<String, String> values = new HashMap<>(env);
    for (String name : new String[] {LocalNames.VIGIE_KAFKA_PORT, ConfigNames.SMTP_PORT, LocalNames.VIGIE_MAILBOX_PORT,
        ConfigNames.VIGIE_HTTP_PORT, org.vigie.notifier.config.NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, LocalNames.VIGIE_RULES_OPS_PORT}) {
      values.put(name, String.valueOf(FreePorts.pick()));
    }
    return Config.of(values);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private boolean refused(String port) {
    try {
      get("http://localhost:" + port + "/health");
      return false;
    } catch (Exception e) {
      return true;
    }
  }
}
