package org.vigie.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.cli.VigieCommand;
import org.vigie.platform.config.Config;
import picocli.CommandLine;

/** The {@code vigie} subcommands that talk to intake, run as a user would, against the real services. */
class CommandsTest {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void adminCommandsCreateAnAssociationAndAVolunteerThenImportSendsASpreadsheetInSteps(@TempDir Path dir)
      throws Exception {
    Run association = vigie("admin", "create-association", "--name", "Permanence import",
        "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken());
    assertThat(association.exitCode()).as(association.err()).isZero();
    JsonNode created = json.readTree(association.out());
    String associationId = created.get("associationId").asText();
    String token = created.get("token").asText();

    Run volunteer = vigie("admin", "create-volunteer", "--association", associationId, "--name", "Lou",
        "--email", "lou@asso.example", "--url", TestVigie.intakeUrl(), "--token", token);
    assertThat(volunteer.exitCode()).as(volunteer.err()).isZero();
    assertThat(json.readTree(volunteer.out()).get("volunteerId").asText()).isNotBlank();

    Run listed = vigie("admin", "list-associations", "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken());
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).containsPattern(associationId + " +\\d{4}-\\d{2}-\\d{2} +1 +0 +0 +0 +0 +Permanence import");
    Run listedJson = vigie("admin", "list-associations", "--json", "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken());
    assertThat(json.readTree(listedJson.out()).get("associations").findValuesAsText("associationId")).contains(associationId);
    assertThat(vigie("admin", "list-associations", "--url", TestVigie.intakeUrl(), "--token", token).exitCode())
        .as("for the federation's administrator only").isNotZero();

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    List<String> lines = new ArrayList<>();
    lines.add("Référence;Nom;Type de titre;Date d'expiration;Démarche;Département;Bénévole");
    for (int i = 1; i <= 4; i++) {
      lines.add("R-" + i + ";Personne " + i + ";carte temporaire;" + FRENCH.format(today.plusDays(100 + i))
          + ";renouvellement;93;lou@asso.example");
    }
    lines.add("R-5;Personne 5;carte temporaire;pas une date;renouvellement;93;lou@asso.example");
    Path sheet = dir.resolve("dossiers.csv");
    Files.writeString(sheet, String.join("\r\n", lines) + "\r\n", Charset.forName("windows-1252"));

    Run imported = vigie("import", sheet.toString(), "--rows-per-request", "2", "--url", TestVigie.intakeUrl(),
        "--token", token);
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isEqualTo(3);
    assertThat(imported.err()).contains("5/5 lignes");
    assertThat(imported.out()).contains("ligne/line 6").contains("4 importées").contains("1 rejetées");

    Run again = vigie("import", sheet.toString(), "--url", TestVigie.intakeUrl(), "--token", token);
    assertThat(again.out()).contains("0 importées").contains("4 déjà importées");

    // the same rows saved by Excel as a workbook: read as the CSV, recognised
    Path workbook = dir.resolve("dossiers.xlsx");
    try (java.io.OutputStream file = Files.newOutputStream(workbook)) {
      org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(file, "Vigie tests", "1.0");
      org.dhatim.fastexcel.Worksheet ws = book.newWorksheet("Dossiers");
      String[] header = lines.get(0).split(";");
      for (int c = 0; c < header.length; c++) {
        ws.value(0, c, header[c]);
      }
      for (int i = 1; i <= 4; i++) {
        String[] cells = lines.get(i).split(";");
        for (int c = 0; c < cells.length; c++) {
          if (c == 3) {
            ws.value(i, c, today.plusDays(100 + i));
            ws.style(i, c).format("dd/mm/yyyy").set();
          } else {
            ws.value(i, c, cells[c]);
          }
        }
      }
      book.finish();
    }
    Run fromExcel = vigie("import", workbook.toString(), "--url", TestVigie.intakeUrl(), "--token", token);
    assertThat(fromExcel.exitCode()).as(fromExcel.out() + fromExcel.err()).isZero();
    assertThat(fromExcel.out()).contains("0 importées").contains("4 déjà importées");

    // the sheet kept up to date: the filing recorded since on R-1 comes in, the other rows bring nothing new
    List<String> later = new ArrayList<>(lines.subList(0, 5));
    later.set(0, later.get(0) + ";Date dépôt");
    later.set(1, later.get(1) + ";" + FRENCH.format(today.minusDays(3)));
    Path updated = dir.resolve("dossiers-mis-a-jour.csv");
    Files.writeString(updated, String.join("\r\n", later) + "\r\n", Charset.forName("windows-1252"));
    Run completed = vigie("import", updated.toString(), "--url", TestVigie.intakeUrl(), "--token", token);
    assertThat(completed.exitCode()).as(completed.out() + completed.err()).isZero();
    assertThat(completed.out()).contains("4 déjà importées").contains("1 lignes déjà importées complétées de faits nouveaux");

    // The association leaves the federation: closed by its exact name only.
    Run mistyped = vigie("admin", "close-association", "--association", associationId, "--confirm", "Permanence",
        "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken());
    assertThat(mistyped.exitCode()).isNotZero();
    assertThat(mistyped.err()).contains("confirm");
    Run closed = vigie("admin", "close-association", "--association", associationId, "--confirm", "Permanence import",
        "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken());
    assertThat(closed.exitCode()).as(closed.err()).isZero();
    assertThat(json.readTree(closed.out()).get("casesErased").asInt()).isEqualTo(4);
    assertThat(vigie("admin", "list-associations", "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken()).out())
        .containsPattern("Permanence import \\(fermée le / closed on \\d{4}-\\d{2}-\\d{2}\\)");
    assertThat(vigie("import", sheet.toString(), "--url", TestVigie.intakeUrl(), "--token", token).exitCode())
        .as("its tokens no longer work").isNotZero();
  }

  @Test
  void badInputIsOneLineInFrenchAndEnglishNeverAStackTrace(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("vide.csv"));
    Path binary = Files.write(dir.resolve("image.csv"), new byte[] {'"', 'a', '"', 'x', 0, 1, 2, '\n', '"', '"', 'b'});
    String api = TestVigie.intakeUrl();
    String token = TestVigie.adminToken();
    record Case(int exit, String[] args, String says) {}
    List<Case> cases = List.of(
        // a parameter the command refuses before doing anything: exit 2
        new Case(2, new String[] {"import", dir.resolve("absent.csv").toString(), "--url", api, "--token", token}, "introuvable"),
        new Case(2, new String[] {"import", dir.toString(), "--url", api, "--token", token}, "dossier"),
        new Case(2, new String[] {"import", empty.toString(), "--url", api, "--token", token}, "fichier vide / empty file"),
        new Case(2, new String[] {"import", binary.toString(), "--url", api, "--token", token}, "not a readable CSV sheet"),
        new Case(2, new String[] {"import", empty.toString(), "--rows-per-request", "0"}, "--rows-per-request doit valoir au moins 1"),
        new Case(2, new String[] {"stats", "--min-cases", "0"}, "--min-cases doit valoir au moins 1"),
        new Case(2, new String[] {"stats", "--table", "nope"}, "--table inconnue / unknown --table: nope"),
        new Case(2, new String[] {"stats", "--chart", dir.resolve("absent/chart.svg").toString()}, "impossible d'écrire"),
        new Case(2, new String[] {"timeline", "--case", "x", "--out", dir.toString()}, "cannot write"),
        new Case(2, new String[] {"replay", "--from", "-999999999-01-01"}, "une date du 2000-01-01 au 2999-12-31"),
        new Case(2, new String[] {"replay", "--threads", "-5"}, "--threads doit valoir au moins 1"),
        new Case(2, new String[] {"stats", "--as-of", "2026-02-30"}, "n'est pas une date AAAA-MM-JJ / is not a date"),
        new Case(2, new String[] {"stats", "--compare", "+999999999-12-31"}, "a day from 2000-01-01 to 2999-12-31"),
        new Case(2, new String[] {"demo", "--wait", "-5", "--url", api, "--token", token}, "--wait doit valoir au moins 0"),
        new Case(2, new String[] {"admin", "create-volunteer", "--association", "a b", "--name", "X", "--email", "x@y.z"},
            "--association"),
        // a failure while running: exit 1, one line
        new Case(1, new String[] {"admin", "list-associations", "--url", "notaurl", "--token", token}, "--url doit être une adresse"),
        new Case(1, new String[] {"bench", "rules", "abc"}, "takes no argument"),
        new Case(1, new String[] {"bench", "replay", "-5"}, "each at least 1"),
        new Case(1, new String[] {"bench", "replay", "abc"}, "nombre attendu / a number was expected"),
        new Case(1, new String[] {"bench", "notifier", "abc"}, "usage: [--rate N]"),
        new Case(1, new String[] {"bench", "notifier", "--rate", "-5"}, "usage: [--rate N]"));
    for (Case c : cases) {
      Run run = vigie(c.args());
      String all = run.out() + run.err();
      assertThat(run.exitCode()).as("%s: %s", String.join(" ", c.args()), all).isEqualTo(c.exit());
      assertThat(run.err()).as(String.join(" ", c.args())).contains(c.says()).doesNotContain("\tat ", "Exception in");
    }
  }

  @Test
  void aDemoWhoseVolunteerIsRefusedLeavesNoAssociationBehind() throws Exception {
    List<String> before = openDemoAssociations();
    Run demo = vigie("demo", "--email", "pas-une-adresse", "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken());
    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isEqualTo(1);
    assertThat(openDemoAssociations()).as("no demo association left open").isEqualTo(before);
  }

  private List<String> openDemoAssociations() throws Exception {
    Run listed = vigie("admin", "list-associations", "--json", "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken());
    List<String> ids = new ArrayList<>();
    for (JsonNode a : json.readTree(listed.out()).get("associations")) {
      if (a.get("name").asText().startsWith("Démo Vigie") && a.get("closedAt").isNull()) {
        ids.add(a.get("associationId").asText());
      }
    }
    return ids;
  }

  @Test
  void anUnreachableApiIsReportedInOneLine() {
    Run run = vigie("admin", "create-association", "--name", "x", "--url", "http://127.0.0.1:9", "--token", "t");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("vigie: ").doesNotContain("\tat ");
  }

  @Test
  void aCommandGivenNoTokenSaysWhereOneComesFrom(@TempDir Path dataDir) {
    Run run = vigie(Config.of(java.util.Map.of("VIGIE_DATA_DIR", dataDir.toString())),
        "admin", "list-associations", "--url", TestVigie.intakeUrl());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("HTTP 401", "--token", "VIGIE_ADMIN_TOKEN",
        dataDir.resolve("admin-token").toAbsolutePath().toString());
    // with a token, wrong: the server's answer only
    Run wrong = vigie("admin", "list-associations", "--url", TestVigie.intakeUrl(), "--token", "vga_wrong");
    assertThat(wrong.err()).contains("HTTP 401").doesNotContain("VIGIE_ADMIN_TOKEN");
  }

  @Test
  void theDemoRaisesTheExpectedAlertOfEachScenario() {
    Run demo = vigie("demo", "--url", TestVigie.intakeUrl(), "--token", TestVigie.adminToken(), "--wait", "120");
    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out()).contains("PERMIT_EXPIRED_WITHOUT_API").doesNotContain("✘")
        // the API recorded with a wrong end date raises its alert once corrected
        .contains("✔ API saisie avec une fausse date de fin, corrigée");
  }

  private static Run vigie(String... args) {
    return vigie(Config.empty(), args);
  }

  private static Run vigie(Config config, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = VigieCommand.commandLine(config);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {}
}
