package org.vigie.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.cli.VigieCommand;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.DirectoryEntryKind;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.topics.Topics;
import picocli.CommandLine;

/**
 * {@code vigie timeline|replay|stats} run in-process against the shared broker, on the events of
 * associations of their own (random ids).
 */
class AuditCommandsTest {
  private static final String ASSOCIATION = "asso-" + UUID.randomUUID();
  private static final String QUIET_ASSOCIATION = "asso-" + UUID.randomUUID();
  private static final String VOLUNTEER = "vol-" + UUID.randomUUID();
  private static final List<String> CASES = new ArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Five cases of one association, each opened in 2025 with a permit expiring on 31 January 2026,
   * a renewal submitted and no API (so the rules raise PERMIT_EXPIRED_WITHOUT_API), and a
   * blockage in January 2026; and a case of another association far from any deadline.
   */
  @BeforeAll
  static void produceEvents() throws Exception {
    List<CaseEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String caseId = UUID.randomUUID().toString();
      CASES.add(caseId);
      events.add(event(caseId, ASSOCIATION, 0, LocalDate.of(2025, 11, 3), opened(LocalDate.of(2026, 1, 31))));
      events.add(event(caseId, ASSOCIATION, 1, LocalDate.of(2025, 11, 20),
          SubmissionRecorded.newBuilder().setProcedure(Procedure.RENEWAL).build()));
      events.add(event(caseId, ASSOCIATION, 2, LocalDate.of(2026, 1, 12),
          BlockageReported.newBuilder().setBlockage(BlockageKind.CANNOT_SUBMIT).build()));
    }
    events.add(event(UUID.randomUUID().toString(), QUIET_ASSOCIATION, 0, LocalDate.of(2026, 11, 2),
        opened(LocalDate.of(2030, 6, 30))));
    try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(SharedKafka.settings().producer("test-audit-cli"),
        Topics.CASE_EVENTS.keySerde().serializer(), Topics.CASE_EVENTS.valueSerde().serializer())) {
      for (CaseEvent e : events) {
        producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), e.getCaseId(), e)).get();
      }
    }
    Instant now = Instant.parse("2025-11-01T09:00:00Z");
    try (KafkaProducer<String, DirectoryEntry> producer = new KafkaProducer<>(
        SharedKafka.settings().producer("test-audit-cli-directory"), Topics.DIRECTORY.keySerde().serializer(),
        Topics.DIRECTORY.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.DIRECTORY.name(), ASSOCIATION, DirectoryEntry.newBuilder()
          .setKind(DirectoryEntryKind.ASSOCIATION).setAssociationId(ASSOCIATION).setDisplayName("Permanence de Bobigny")
          .setUpdatedAt(now).build())).get();
      producer.send(new ProducerRecord<>(Topics.DIRECTORY.name(), VOLUNTEER, DirectoryEntry.newBuilder()
          .setKind(DirectoryEntryKind.VOLUNTEER).setAssociationId(ASSOCIATION).setVolunteerId(VOLUNTEER)
          .setDisplayName("Marie Dupont").setEmail("marie@example.org").setUpdatedAt(now).build())).get();
    }
  }

  @Test
  void timelineListsTheCaseEventsInJsonAndCsvAndWritesAPdf(@TempDir Path dir) throws Exception {
    String caseId = CASES.get(0);
    Run json = vigie("timeline", "--case", caseId);
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode t = JSON.readTree(json.out());
    assertThat(t.get("caseId").asText()).isEqualTo(caseId);
    assertThat(t.get("associationId").asText()).isEqualTo(ASSOCIATION);
    assertThat(t.get("events").asInt()).isEqualTo(3);
    assertThat(json.out()).contains("CASE_OPENED").contains("SUBMISSION_RECORDED").contains("BLOCKAGE_REPORTED");
    assertThat(json.out().indexOf("CASE_OPENED")).isLessThan(json.out().indexOf("BLOCKAGE_REPORTED"));
    assertThat(t.get("entries")).allSatisfy(e -> assertThat(e.path("descriptionEn").asText()).isNotBlank());
    assertThat(json.out()).contains("Blocage signalé : dépôt de la demande impossible",
        "Blockage reported: application cannot be submitted");
    assertThat(t.get("associationName").asText()).as("named from the directory topic").isEqualTo("Permanence de Bobigny");
    assertThat(t.get("entries")).filteredOn(e -> e.get("kind").asText().equals("EVENT"))
        .allSatisfy(e -> assertThat(e.get("recordedByName").asText()).isEqualTo("Marie Dupont"));

    Run csv = vigie("timeline", "--case", caseId, "--format", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out()).contains("SUBMISSION_RECORDED").contains("2026-01-12");
    assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("kind,date,recorded_at,recorded_by,type,description,")
        .endsWith(",corrected_at,description_en,recorded_by_name,recipient_name");

    Path pdf = dir.resolve("chronologie.pdf");
    Run written = vigie("timeline", "--case", caseId, "--format", "pdf", "--out", pdf.toString());
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Chronologie du dossier", caseId, "Blocage signalé", "page 1 / ", "Marie Dupont",
          "Permanence de Bobigny");
    }
  }

  @Test
  void anUnknownCaseOrFormatIsAnError() {
    Run unknown = vigie("timeline", "--case", UUID.randomUUID().toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown case");
    Run badFormat = vigie("timeline", "--case", CASES.get(0), "--format", "docx");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("--format");
  }

  @Test
  void anUnreachableBrokerIsReportedInOneLine() {
    Run run = vigie("timeline", "--case", CASES.get(0), "--bootstrap", "127.0.0.1:9");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("vigie: Kafka injoignable ou refusant la lecture / unreachable or refusing to be read "
        + "(127.0.0.1:9): ").doesNotContain("\tat ");
  }

  @Test
  void replayDerivesTheAlertsOfTheAssociationsCasesTwiceTheSame() {
    Run replay = vigie("replay", "--association", ASSOCIATION, "--no-compare", "--threads", "2");
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    for (String caseId : CASES) {
      assertThat(replay.out()).contains("PERMIT_EXPIRED_WITHOUT_API case=" + caseId);
    }
    assertThat(replay.out()).contains("SUMMARY").contains("replayed=15").contains("cases=5");
    assertThat(vigie("replay", "--association", ASSOCIATION, "--no-compare").out()).isEqualTo(replay.out());
    // no refusal and no appeal in this history: the earlier rule sets derive the same alerts, their implicit
    // rejections and appeal deadlines at their own versions, but for the implicit rejections told final
    assertThat(replay.out()).contains("APPEAL_DEADLINE").contains("IMPLICIT_REJECTION")
        .containsPattern("RAISED HIGH IMPLICIT_REJECTION .* deadline=2026-05-20 ruleVersion=3");
    for (String[] set : new String[][] {{"v7", "2", "6"}, {"v6", "2", "5"}, {"v5", "2", "4"}, {"v4", "2", "3"}, {"v3", "1", "3"}, {"v2", "1", "2"},
        {"v1", "1", "1"}}) {
      assertThat(vigie("replay", "--association", ASSOCIATION, "--no-compare", "--rules-version", set[0]).out())
          .as(set[0]).isEqualTo(atVersions(replay.out(), set[1], set[2]));
    }
  }

  /**
   * The current replay's lines with IMPLICIT_REJECTION (3) and APPEAL_DEADLINE (6) at other versions, without the
   * implicit rejections told final once their time to contest ended (IMPLICIT_REJECTION 3, rule set v8: the same
   * alert raised again, its deadline now that last day), which the earlier sets do not derive.
   */
  private static String atVersions(String out, String implicitRejection, String appealDeadline) {
    java.util.Map<String, String> firstDeadline = new java.util.HashMap<>();
    List<String> lines = out.lines().filter(l -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(" IMPLICIT_REJECTION .* alert=(\\S+) .* deadline=(\\S+) ")
          .matcher(l);
      return !m.find() || firstDeadline.computeIfAbsent(m.group(1), id -> m.group(2)).equals(m.group(2));
    }).toList();
    long told = out.lines().count() - lines.size();
    return lines.stream().map(l -> l.contains(" IMPLICIT_REJECTION ") ? l.replace("ruleVersion=3", "ruleVersion=" + implicitRejection)
        : l.contains(" APPEAL_DEADLINE ") ? l.replace("ruleVersion=6", "ruleVersion=" + appealDeadline)
        : l.startsWith("SUMMARY ") ? derived(l, -told) : l)
        .collect(java.util.stream.Collectors.joining(System.lineSeparator(), "", out.endsWith("\n") ? System.lineSeparator() : ""));
  }

  /** A replay's summary line with {@code more} alerts derived. */
  private static String derived(String summary, long more) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("derived=(\\d+)").matcher(summary);
    return m.find() ? m.replaceFirst("derived=" + (Long.parseLong(m.group(1)) + more)) : summary;
  }

  @Test
  void replayWithAnUnknownRulesVersionIsAUsageError() {
    Run replay = vigie("replay", "--association", ASSOCIATION, "--rules-version", "v0");
    assertThat(replay.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(replay.err()).contains("v0").contains("v1");
  }

  @Test
  void replayComparedWithTheLiveAlertsExitsZeroWhenTheyMatch() {
    Run replay = vigie("replay", "--association", QUIET_ASSOCIATION, "--from", "2026-01-01");
    assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
    assertThat(replay.out()).contains("replayed=1").contains("match=true");
  }

  @Test
  void statsAreAnonymousAndPublishTheCellsOfFiveCases(@TempDir Path dir) throws Exception {
    Path chart = dir.resolve("blocages.svg");
    Run stats = vigie("stats", "--association", ASSOCIATION, "--as-of", "2026-11-26", "--chart", chart.toString());
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    JsonNode s = JSON.readTree(stats.out());
    assertThat(s.get("cases").asInt()).isEqualTo(5);
    JsonNode cell = s.get("blockages").get(0);
    assertThat(cell.get("kind").asText()).isEqualTo("CANNOT_SUBMIT");
    assertThat(cell.get("month").asText()).isEqualTo("2026-01");
    assertThat(cell.get("cases").asInt()).isEqualTo(5);
    assertThat(cell.get("suppressed").asBoolean()).isFalse();
    for (String caseId : CASES) {
      assertThat(stats.out()).doesNotContain(caseId);
    }
    assertThat(stats.out()).doesNotContain(ASSOCIATION);
    assertThat(Files.readString(chart)).contains("<svg");

    Run suppressed = vigie("stats", "--association", ASSOCIATION, "--min-cases", "6", "--format", "csv",
        "--table", "blockages");
    assertThat(suppressed.exitCode()).as(suppressed.err()).isZero();
    assertThat(suppressed.out()).startsWith("department,month,kind,cases,reports,suppressed")
        .contains("2026-01,CANNOT_SUBMIT,,,true");
  }

  @Test
  void statsCompareTwoPeriodsOfTheSameLength() throws Exception {
    Run blockages = vigie("stats", "--association", ASSOCIATION, "--as-of", "2026-11-26", "--compare", "2026-01-12",
        "--days", "10");
    assertThat(blockages.exitCode()).as(blockages.err()).isZero();
    JsonNode c = JSON.readTree(blockages.out());
    assertThat(c.get("before").get("from").asText()).isEqualTo("2026-01-02");
    assertThat(c.get("total").get("after").get("blockagesReported").get("cases").asInt()).isEqualTo(5);
    assertThat(c.get("total").get("before").get("blockagesReported").get("cases").asInt()).isZero();
    assertThat(blockages.out()).doesNotContain(ASSOCIATION).doesNotContain(CASES.get(0));

    // the permits expired on 31 January, the renewals pending without API: five cases without one from 1 February
    Run gaps = vigie("stats", "--association", ASSOCIATION, "--as-of", "2026-11-26", "--compare", "2026-02-01",
        "--days", "10", "--format", "csv");
    assertThat(gaps.exitCode()).as(gaps.err()).isZero();
    assertThat(gaps.out()).contains("all,before,2026-01-22,2026-01-31,0,0,0,0,,0,0,0,,0,0,")
        .contains("all,after,2026-02-01,2026-02-10,0,0,0,0,,5,50,0,,0,0,");

    Run future = vigie("stats", "--as-of", "2026-11-26", "--compare", "2026-12-01");
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.err()).contains("--compare");
  }

  private static CaseOpened opened(LocalDate permitExpiresOn) {
    return CaseOpened.newBuilder().setPermitKind(PermitKind.CARTE_TEMPORAIRE).setPermitExpiresOn(permitExpiresOn)
        .setProcedure(Procedure.RENEWAL).setDepartment("93").setAssignedVolunteerId(VOLUNTEER)
        .setEmployed(false).setReceivesBenefits(false).build();
  }

  private static CaseEvent event(String caseId, String associationId, int rank, LocalDate on, Object payload) {
    return CaseEvent.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes((caseId + "/" + rank).getBytes(StandardCharsets.UTF_8)).toString())
        .setCaseId(caseId).setAssociationId(associationId).setOccurredOn(on)
        .setRecordedAt(on.atTime(12, 0).toInstant(ZoneOffset.UTC).plusSeconds(rank))
        .setRecordedBy(VOLUNTEER).setSchemaVersion(2).setPayload(payload).setSource(EventSource.API).build();
  }

  private static Run vigie(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = VigieCommand.commandLine(Config.of(java.util.Map.of(
        ConfigNames.KAFKA_BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers())));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {}
}
