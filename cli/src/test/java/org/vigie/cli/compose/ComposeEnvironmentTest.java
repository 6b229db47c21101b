package org.vigie.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docker-compose.yml and the code agree: each service gets every variable its code reads, and
 * nothing it does not read. "What it reads" is derived from the service's sources, so adding a
 * variable to a service without adding it to the compose file fails here.
 */
class ComposeEnvironmentTest {
  private static final Path ROOT = RepositoryRoot.find();
  private static final ComposeFile COMPOSE = ComposeFile.read(ROOT.resolve("docker-compose.yml"));
  private static final EnvironmentScanner SCANNER = new EnvironmentScanner(EnvironmentScanner.constantsOf(
      ROOT.resolve("platform/src/main/java/org/vigie/platform/config/ConfigNames.java")));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // intake runs the audit library's retention job, which reads its own setting
      "intake, intake-service, audit/src/main/java/org/vigie/audit/retention",
      "rules, rules-service, ''",
      "notifier, notifier-service, ''"})
  void composeSetsExactlyWhatTheServiceReads(String service, String module, String libraryPart) {
    EnvironmentScanner.Reads reads = SCANNER.scan(
        ROOT.resolve(module).resolve("src/main"),
        // shared by every service: logging configuration, and the creation of the topics when missing
        ROOT.resolve("platform/src/main/resources"),
        ROOT.resolve("platform/src/main/java/org/vigie/platform/kafka/TopicProvisioner.java"),
        libraryPart.isEmpty() ? ROOT.resolve(module).resolve("src/main") : ROOT.resolve(libraryPart));
    TreeSet<String> composed = COMPOSE.environment(service);

    TreeSet<String> missing = new TreeSet<>(reads.names());
    missing.removeAll(composed);
    TreeSet<String> uncoveredPrefixes = new TreeSet<>();
    reads.prefixes().forEach(p -> {
      if (composed.stream().noneMatch(n -> n.startsWith(p))) {
        uncoveredPrefixes.add(p + "*");
      }
    });
    TreeSet<String> unread = new TreeSet<>();
    composed.forEach(n -> {
      if (!reads.covers(n)) {
        unread.add(n);
      }
    });

    assertThat(reads.names()).as("the scan finds what %s reads", module).contains("VIGIE_LOG_LEVEL");
    assertThat(missing).as("read by %s but not set for `%s` in docker-compose.yml", module, service).isEmpty();
    assertThat(uncoveredPrefixes).as("variable families read by %s, none set in docker-compose.yml", module).isEmpty();
    assertThat(unread).as("set for `%s` in docker-compose.yml but read nowhere in %s", service, module).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"intake, org.vigie.intake.IntakeMain", "rules, org.vigie.rules.RulesMain",
      "notifier, org.vigie.notifier.NotifierMain"})
  void eachServiceImageRunsItsMainClassFromTheShadedJar(String service, String mainClass) throws Exception {
    String dockerfile = COMPOSE.dockerfile(service).orElseThrow(() -> new AssertionError(service + " has no build"));
    String text = Files.readString(ROOT.resolve(dockerfile));
    assertThat(text).contains("cli/target/vigie.jar").contains("\"" + mainClass + "\"");
    assertThat(Class.forName(mainClass).getMethod("main", String[].class)).isNotNull();
  }

  @Test
  void theScannerFindsLiteralsContractConstantsStaticImportsPlaceholdersAndPrefixes(@TempDir Path dir)
      throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/main/java/x"));
    Files.writeString(src.resolve("A.java"), """
        import org.vigie.platform.config.ConfigNames;
        class A {
          static final String PORT = "VIGIE_SOMETHING_PORT";
          static final String FAMILY = "VIGIE_FAMILY_";
          String log = "VIGIE_NOT_A_NAME is missing";
          void f(Config c) { c.require(ConfigNames.VIGIE_DB_URL); }
        }
        """);
    Files.writeString(src.resolve("B.java"), """
        import static org.vigie.platform.config.ConfigNames.*;
        class B { void f(Config c) { c.require(SMTP_HOST); } }
        """);
    Path res = Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(res.resolve("logback.xml"), "<root level=\"${VIGIE_LEVEL:-INFO}\"/>");
    EnvironmentScanner scanner = new EnvironmentScanner(Map.of(
        "VIGIE_DB_URL", "VIGIE_DB_URL", "SMTP_HOST", "SMTP_HOST", "SMTP_PORT", "SMTP_PORT"));

    EnvironmentScanner.Reads reads = scanner.scan(dir.resolve("src/main"));

    assertThat(reads.names()).containsExactly("SMTP_HOST", "VIGIE_DB_URL", "VIGIE_LEVEL", "VIGIE_SOMETHING_PORT");
    assertThat(reads.prefixes()).containsExactly("VIGIE_FAMILY_");
    assertThat(reads.covers("VIGIE_FAMILY_HIGH")).isTrue();
    assertThat(reads.covers("VIGIE_OTHER")).isFalse();
  }

  @Test
  void theContractConstantsAreRead() {
    Map<String, String> constants = EnvironmentScanner.constantsOf(
        ROOT.resolve("platform/src/main/java/org/vigie/platform/config/ConfigNames.java"));
    assertThat(constants).containsEntry("VIGIE_DB_URL", "VIGIE_DB_URL").containsKey("KAFKA_BOOTSTRAP_SERVERS");
  }
}
