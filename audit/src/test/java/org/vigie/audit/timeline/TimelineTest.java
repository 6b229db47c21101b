package org.vigie.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.vigie.audit.output.JsonOutput;
import org.vigie.audit.testing.CaseEvents;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.VolunteerAssigned;
import org.vigie.schemas.VolunteerRole;

class TimelineTest {
  private static final String ASSOCIATION = "asso-1";
  private static final String CASE = "case-3f1c";
  private static final Instant GENERATED = Instant.parse("2026-04-02T08:15:00Z");
  private static final String ALERT_ID = "alert-9";

  private final TimelineBuilder builder = new TimelineBuilder();

  private static CaseEvents story() {
    return CaseEvents.of(CASE, ASSOCIATION)
        .opened(LocalDate.of(2025, 11, 3), "93", LocalDate.of(2026, 1, 31))
        .submitted(LocalDate.of(2025, 11, 20))
        .blockage(LocalDate.of(2026, 1, 5), BlockageKind.ACCOUNT_LOCKED)
        .ccc(LocalDate.of(2026, 1, 8), CccOutcome.NO_ANSWER);
  }

  private static CaseAlert alert(AlertStatus status, Instant emittedAt) {
    return CaseAlert.newBuilder().setAlertId(ALERT_ID).setCaseId(CASE).setAssociationId(ASSOCIATION)
        .setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API).setSeverity(Severity.CRITICAL).setStatus(status)
        .setEpisodeStart(LocalDate.of(2026, 2, 1)).setRaisedAt(Instant.parse("2026-02-01T06:00:00Z"))
        .setEmittedAt(emittedAt).setDeadline(LocalDate.of(2026, 2, 1)).setAssignedVolunteerId("vol-1")
        .setReference("CESEDA R.431-15-1").setTextVersionDate(LocalDate.of(2025, 5, 1)).setRuleVersion("1.0")
        .setMessage(new AlertMessage("Le titre a expiré et aucune API n'a été délivrée.", "Permit expired, no API."))
        .build();
  }

  private static NotificationOutcome notification(NotificationState state, Instant at) {
    return NotificationOutcome.newBuilder().setNotificationId("n-1").setAlertId(ALERT_ID).setCaseId(CASE)
        .setAssociationId(ASSOCIATION).setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API).setSeverity(Severity.CRITICAL)
        .setChannel(NotificationChannel.EMAIL).setKind(NotificationKind.ALERT).setRecipientVolunteerId("vol-1")
        .setRecipientRole(VolunteerRole.VOLUNTEER).setState(state).setAttempts(1).setAt(at).build();
  }

  private CaseTimeline timeline(List<CaseEvent> events, String identity) {
    List<CaseAlert> alerts = List.of(alert(AlertStatus.RESOLVED, Instant.parse("2026-02-20T09:00:00Z")),
        alert(AlertStatus.RAISED, Instant.parse("2026-02-01T06:00:00Z")));
    List<NotificationOutcome> notifications = List.of(
        notification(NotificationState.PENDING, Instant.parse("2026-02-01T06:00:01Z")),
        notification(NotificationState.SENT, Instant.parse("2026-02-01T06:00:05Z")),
        notification(NotificationState.ACKNOWLEDGED, Instant.parse("2026-02-02T10:30:00Z")));
    return builder.build(CASE, ASSOCIATION, events, alerts, notifications, identity, GENERATED);
  }

  @Test
  void entriesAreInDateOrderWithAlertsAndNotifications() {
    CaseTimeline t = timeline(story().events(), null);

    assertThat(t.entries()).extracting(TimelineEntry::type).containsExactly(
        "CASE_OPENED", "SUBMISSION_RECORDED", "BLOCKAGE_REPORTED", "CCC_CONTACT_ATTEMPTED", "ALERT_RAISED",
        "NOTIFICATION_SENT", "NOTIFICATION_ACKNOWLEDGED", "ALERT_RESOLVED");
    assertThat(t.events()).isEqualTo(4);
    assertThat(t.alerts()).isEqualTo(1);
    assertThat(t.notifications()).isEqualTo(2);
    TimelineEntry raised = t.entries().get(4);
    assertThat(raised.reference()).isEqualTo("CESEDA R.431-15-1");
    assertThat(raised.textVersionDate()).isEqualTo(LocalDate.of(2025, 5, 1));
    assertThat(raised.description()).startsWith("Alerte déclenchée : titre expiré sans API (PERMIT_EXPIRED_WITHOUT_API)");
    assertThat(t.entries().get(2).description()).isEqualTo("Blocage signalé : compte bloqué");
    assertThat(t.entries().get(2).recordedBy()).isEqualTo("vol-1");
  }

  @Test
  void recordsOfAnotherCaseOrAssociationAndDuplicatesAreIgnored() {
    List<CaseEvent> events = new ArrayList<>(story().events());
    events.addAll(story().events());
    events.addAll(CaseEvents.of(CASE, "other-asso").submitted(LocalDate.of(2026, 1, 1)).events());
    events.addAll(CaseEvents.of("other-case", ASSOCIATION).submitted(LocalDate.of(2026, 1, 1)).events());

    assertThat(timeline(events, null).events()).isEqualTo(4);
  }

  @Test
  void jsonAndCsvCarryTheSameEntries() {
    CaseTimeline t = timeline(story().events(), null);

    String json = JsonOutput.toJson(t);
    String[] csv = TimelineCsv.toCsv(t).split("\r\n");

    assertThat(json).contains("\"caseId\" : \"case-3f1c\"", "\"type\" : \"ALERT_RAISED\"",
        "\"textVersionDate\" : \"2025-05-01\"", "\"recordedAt\" : \"2026-02-02T10:30:00Z\"");
    assertThat(csv).hasSize(1 + t.entries().size());
    assertThat(csv[0]).startsWith("kind,date,recorded_at,recorded_by,type,description");
    assertThat(csv[3]).startsWith("EVENT,2026-01-05,2026-01-05T12:00:02Z,vol-1,BLOCKAGE_REPORTED,Blocage signalé : compte bloqué,");
  }

  @Test
  void thePdfRendersPaginatedInFrench() throws IOException {
    CaseEvents long_ = story();
    for (int i = 0; i < 70; i++) {
      long_.ccc(LocalDate.of(2026, 2, 1).plusDays(i), i % 2 == 0 ? CccOutcome.NO_ANSWER : CccOutcome.AUTOMATED_REPLY);
    }
    CaseTimeline t = timeline(long_.events(), "Personne suivie n° 12");

    byte[] pdf = TimelinePdf.toPdf(t);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isBetween(2, 6);
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 0; i < pages; i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 60);
        assertThat(darkPixels(image)).as("page %d has ink", i + 1).isGreaterThan(2_000);
      }
      writePreview(renderer);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Chronologie du dossier", "Dossier : case-3f1c", "Personne : Personne suivie n° 12",
          "Édité le 02/04/2026 à 10:15 (heure de Paris)", "Blocage signalé : compte bloqué",
          "Tentative de contact du CCC par téléphone : sans réponse", "Alerte déclenchée : titre expiré sans API",
          "CESEDA R.431-15-1", "page 1 / " + pages, "page " + pages + " / " + pages, "Enregistré le");
      assertThat(count(text, "Date Enregistré le Par Élément")).as("column headers on every page").isEqualTo(pages);
      assertThat(text).as("the PDF is in French only").doesNotContain("Blockage reported", "Alert raised", "Notification (alert)");
      assertThat(text).doesNotContain("transcrites en lettres latines");
    }
  }

  @Test
  void aNameInAScriptTheFontLacksIsWrittenInLatinLettersAndThePdfSaysSo() throws IOException {
    try (PDDocument document = Loader.loadPDF(TimelinePdf.toPdf(timeline(story().events(), "김민준")))) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Personne : Gimminjun");
      assertThat(text.replaceAll("\\s+", " ")).contains(PersonalDataPdf.TRANSLITERATION_NOTE);
    }
  }

  @Test
  void anAlertRaisedAgainForTheVolunteerTheCaseWasHandedOverToSaysSo() {
    CaseAlert raised = alert(AlertStatus.RAISED, Instant.parse("2026-02-01T06:00:00Z"));
    CaseAlert handedOver = CaseAlert.newBuilder(raised).setAssignedVolunteerId("vol-2")
        .setEmittedAt(Instant.parse("2026-02-03T09:30:00Z")).build();
    CaseAlert escalatedForVol2 = CaseAlert.newBuilder(handedOver).setSeverity(Severity.HIGH)
        .setEmittedAt(Instant.parse("2026-02-04T09:30:00Z")).build();
    CaseAlert handedBackEscalated = CaseAlert.newBuilder(handedOver).setSeverity(Severity.CRITICAL).setAssignedVolunteerId("vol-1")
        .setEmittedAt(Instant.parse("2026-02-05T09:30:00Z")).build();
    TimelineNames names = new TimelineNames("Permanence de Bobigny", Map.of("vol-1", "Marie Dupont", "vol-2", "Paul Martin"));

    CaseTimeline t = builder.build(CASE, ASSOCIATION, story().events(),
        List.of(raised, handedOver, escalatedForVol2, handedBackEscalated), List.of(), null, names, GENERATED);

    assertThat(t.entries()).filteredOn(e -> e.kind() == TimelineEntry.Kind.ALERT).extracting(TimelineEntry::type)
        .containsExactly("ALERT_RAISED", "ALERT_HANDED_OVER", "ALERT_UPDATED", "ALERT_HANDED_OVER");
    assertThat(t.entries()).filteredOn(e -> e.kind() == TimelineEntry.Kind.ALERT).last().extracting(TimelineEntry::description)
        .asString().startsWith("Alerte transmise à Marie Dupont (dossier réattribué)").contains("gravité critique");
    TimelineEntry entry = t.entries().stream().filter(e -> e.type().equals("ALERT_HANDED_OVER")).findFirst().orElseThrow();
    // the first hand-over, at the severity it had
    assertThat(entry.description()).startsWith("Alerte transmise à Paul Martin (dossier réattribué) : titre expiré sans API");
    assertThat(entry.descriptionEn()).startsWith("Alert handed over to Paul Martin (case reassigned): permit expired without API");
    assertThat(entry.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void volunteersAndTheAssociationAreNamedWhereTheirNamesAreKnown() throws IOException {
    List<CaseEvent> events = new ArrayList<>(story().events());
    events.set(1, CaseEvent.newBuilder(events.get(1)).setRecordedBy(TimelineNames.ASSOCIATION_RECORDER).build());
    List<CaseAlert> alerts = List.of(alert(AlertStatus.RAISED, Instant.parse("2026-02-01T06:00:00Z")));
    List<NotificationOutcome> sent = List.of(notification(NotificationState.SENT, Instant.parse("2026-02-01T06:00:05Z")));
    TimelineNames names = new TimelineNames("Permanence de Bobigny", Map.of("vol-1", "Marie Dupont"));

    CaseTimeline t = builder.build(CASE, ASSOCIATION, events, alerts, sent, null, names, GENERATED);

    assertThat(t.associationName()).isEqualTo("Permanence de Bobigny");
    TimelineEntry opened = entry(t, events.get(0).getEventId());
    assertThat(opened.recordedBy()).isEqualTo("vol-1");
    assertThat(opened.recordedByName()).isEqualTo("Marie Dupont");
    assertThat(opened.description()).endsWith("suivi par Marie Dupont");
    assertThat(opened.descriptionEn()).endsWith("followed by Marie Dupont");
    assertThat(entry(t, events.get(1).getEventId()).author()).as("recorded with the association's token")
        .isEqualTo("Permanence de Bobigny");
    TimelineEntry notification = t.entries().stream().filter(e -> e.kind() == TimelineEntry.Kind.NOTIFICATION)
        .findFirst().orElseThrow();
    assertThat(notification.recipient()).isEqualTo("vol-1");
    assertThat(notification.recipientName()).isEqualTo("Marie Dupont");
    assertThat(notification.description()).contains("par courriel à Marie Dupont");

    JsonNode json = JsonOutput.mapper().readTree(JsonOutput.toJson(t));
    assertThat(json.get("associationName").asText()).isEqualTo("Permanence de Bobigny");
    assertThat(entryNode(json, events.get(0).getEventId()).get("recordedByName").asText()).isEqualTo("Marie Dupont");
    CSVRecord row = rows(t).get(t.entries().indexOf(opened));
    assertThat(row.get("recorded_by")).isEqualTo("vol-1");
    assertThat(row.get("recorded_by_name")).isEqualTo("Marie Dupont");
    try (PDDocument document = Loader.loadPDF(TimelinePdf.toPdf(t))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Association : Permanence de Bobigny (asso-1)", "Marie Dupont");
    }

    CaseTimeline unnamed = builder.build(CASE, ASSOCIATION, events, alerts, sent, null, GENERATED);
    assertThat(entry(unnamed, events.get(0).getEventId()).recordedByName()).isNull();
    assertThat(entry(unnamed, events.get(0).getEventId()).description()).endsWith("suivi par vol-1");
  }

  @Test
  void aNameASpreadsheetWouldReadAsAFormulaIsMarkedAsTextInTheCsvOnly() throws IOException {
    List<CaseEvent> events = story().events();
    List<NotificationOutcome> sent = List.of(notification(NotificationState.SENT, Instant.parse("2026-02-01T06:00:05Z")));
    TimelineNames names = new TimelineNames("Permanence", Map.of("vol-1", "=HYPERLINK(\"http://example.org\")"));

    List<CaseAlert> alerts = List.of(alert(AlertStatus.RAISED, Instant.parse("2026-02-01T06:00:00Z")));
    CaseTimeline t = builder.build(CASE, ASSOCIATION, events, alerts, sent, null, names, GENERATED);

    TimelineEntry opened = entry(t, events.get(0).getEventId());
    CSVRecord row = rows(t).get(t.entries().indexOf(opened));
    assertThat(row.get("recorded_by_name")).isEqualTo("'=HYPERLINK(\"http://example.org\")");
    TimelineEntry notification = t.entries().stream().filter(e -> e.kind() == TimelineEntry.Kind.NOTIFICATION)
        .findFirst().orElseThrow();
    assertThat(rows(t).get(t.entries().indexOf(notification)).get("recipient_name")).startsWith("'=");
    JsonNode json = JsonOutput.mapper().readTree(JsonOutput.toJson(t));
    assertThat(entryNode(json, events.get(0).getEventId()).get("recordedByName").asText())
        .as("the JSON keeps the name as typed").isEqualTo("=HYPERLINK(\"http://example.org\")");
  }

  /** The story with its blockage withdrawn and an API recorded with the wrong validity, then replaced. */
  private static CaseEvents corrected() {
    CaseEvents c = story();
    CaseEvent blockage = c.events().get(2);
    c.withdrawing(blockage, LocalDate.of(2026, 1, 20));
    CaseEvent api = c.api(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 6, 12)).last();
    return c.replacing(api, LocalDate.of(2026, 3, 12),
        ApiIssued.newBuilder().setValidUntil(LocalDate.of(2026, 9, 12)).build(), LocalDate.of(2026, 3, 15));
  }

  private static TimelineEntry entry(CaseTimeline t, String eventId) {
    return t.entries().stream().filter(e -> eventId.equals(e.eventId())).findFirst().orElseThrow();
  }

  @Test
  void bothSidesOfACorrectionAreMarkedAndEveryEventStays() {
    List<CaseEvent> events = corrected().events();
    CaseEvent blockage = events.get(2);
    CaseEvent withdrawal = events.get(4);
    CaseEvent api = events.get(5);
    CaseEvent replacement = events.get(6);

    CaseTimeline t = timeline(events, null);

    assertThat(t.events()).isEqualTo(7);
    assertThat(entry(t, blockage.getEventId()).description())
        .isEqualTo("Blocage signalé : compte bloqué — saisi par erreur, retiré le 20/01/2026");
    assertThat(entry(t, blockage.getEventId()).correctedBy())
        .isEqualTo(new CorrectionLink(withdrawal.getEventId(), CorrectionKind.WITHDRAWS, withdrawal.getRecordedAt()));
    assertThat(entry(t, withdrawal.getEventId()).description())
        .isEqualTo("Retrait de l'événement du 05/01/2026 (saisi par erreur) ; il indiquait : Blocage signalé : compte bloqué");
    assertThat(entry(t, withdrawal.getEventId()).correction())
        .isEqualTo(new CorrectionLink(blockage.getEventId(), CorrectionKind.WITHDRAWS, null));
    assertThat(entry(t, api.getEventId()).description()).endsWith("valable jusqu'au 12/06/2026 — saisi par erreur, remplacé le 15/03/2026");
    assertThat(entry(t, replacement.getEventId()).description()).isEqualTo("Correction de l'événement du 12/03/2026"
        + " (saisi par erreur) : API (attestation de prolongation d'instruction) délivrée, valable jusqu'au 12/09/2026");
    assertThat(entry(t, replacement.getEventId()).correctedBy()).isNull();
    assertThat(entry(t, events.get(0).getEventId())).extracting(TimelineEntry::correction, TimelineEntry::correctedBy)
        .containsExactly(null, null);
  }

  @Test
  void aCorrectionOfACorrectionMarksEachLink() {
    CaseEvents c = story();
    CaseEvent api = c.api(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 6, 12)).last();
    CaseEvent replacement = c.replacing(api, LocalDate.of(2026, 3, 13),
        ApiIssued.newBuilder().setValidUntil(LocalDate.of(2026, 9, 12)).build(), LocalDate.of(2026, 3, 15)).last();
    CaseEvent withdrawal = c.withdrawing(replacement, LocalDate.of(2026, 3, 20)).last();

    CaseTimeline t = timeline(c.events(), null);

    assertThat(entry(t, api.getEventId()).description()).endsWith("remplacé le 15/03/2026");
    assertThat(entry(t, replacement.getEventId()).description()).startsWith("Correction de l'événement du 12/03/2026")
        .endsWith("— saisi par erreur, retiré le 20/03/2026");
    assertThat(entry(t, withdrawal.getEventId()).description()).startsWith("Retrait de l'événement du 13/03/2026");
  }

  @Test
  void aCorrectionTheRulesRefuseCorrectsNothing() {
    CaseEvents c = story().erased(LocalDate.of(2026, 3, 1));
    CaseEvent erasure = c.last();
    CaseEvent refused = c.withdrawing(erasure, LocalDate.of(2026, 3, 2)).last();

    CaseTimeline t = timeline(c.events(), null);

    assertThat(entry(t, erasure.getEventId()).correctedBy()).isNull();
    assertThat(entry(t, erasure.getEventId()).description()).doesNotContain("retiré");
    assertThat(entry(t, refused.getEventId()).description()).endsWith("(correction non prise en compte : elle ne peut"
        + " pas viser cet événement)");
    assertThat(entry(t, refused.getEventId()).descriptionEn()).isEqualTo("Identity erased (right to erasure or end of"
        + " the retention period) (correction not taken into account: it cannot apply to this event)");
  }

  @Test
  void jsonAndCsvCarryTheCorrectionsInFieldsAndColumnsAddedAtTheEnd() throws IOException {
    List<CaseEvent> events = corrected().events();
    CaseEvent blockage = events.get(2);
    CaseEvent withdrawal = events.get(4);
    CaseTimeline t = timeline(events, null);

    JsonNode json = JsonOutput.mapper().readTree(JsonOutput.toJson(t));
    JsonNode withdrawn = entryNode(json, blockage.getEventId());
    assertThat(withdrawn.get("correctedBy").get("eventId").asText()).isEqualTo(withdrawal.getEventId());
    assertThat(withdrawn.get("correctedBy").get("kind").asText()).isEqualTo("WITHDRAWS");
    assertThat(withdrawn.get("correctedBy").get("recordedAt").asText()).isEqualTo(withdrawal.getRecordedAt().toString());
    assertThat(withdrawn.has("correction")).isFalse();
    List<String> fields = new ArrayList<>();
    withdrawn.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).endsWith("eventId", "correctedBy", "descriptionEn");
    JsonNode withdrawing = entryNode(json, withdrawal.getEventId());
    assertThat(withdrawing.get("correction").get("eventId").asText()).isEqualTo(blockage.getEventId());
    assertThat(withdrawing.get("correction").get("kind").asText()).isEqualTo("WITHDRAWS");
    assertThat(withdrawing.get("correction").has("recordedAt")).isFalse();

    String[] csv = TimelineCsv.toCsv(t).split("\r\n");
    assertThat(csv[0]).isEqualTo("kind,date,recorded_at,recorded_by,type,description,event_id,alert_id,rule,severity,"
        + "episode_start,deadline,reference,text_version_date,rule_version,channel,recipient,recipient_role,state,"
        + "corrects_event_id,correction_kind,corrected_by_event_id,corrected_by_kind,corrected_at,description_en,"
        + "recorded_by_name,recipient_name");
    assertThat(csv[3]).startsWith("EVENT,2026-01-05,2026-01-05T12:00:02Z,vol-1,BLOCKAGE_REPORTED,")
        .endsWith("," + blockage.getEventId() + ",,,,,,,,,,,,,,," + withdrawal.getEventId() + ",WITHDRAWS,"
            + withdrawal.getRecordedAt() + ",\"Blockage reported: account locked — recorded in error, withdrawn on"
            + " 20 January 2026\",,");
    CSVRecord withdrawalRow = rows(t).stream().filter(r -> r.get("event_id").equals(withdrawal.getEventId()))
        .findFirst().orElseThrow();
    assertThat(withdrawalRow.get("description")).startsWith("Retrait de l'événement du 05/01/2026");
    assertThat(withdrawalRow.get("description_en")).startsWith("Withdrawal of the event of 5 January 2026");
    assertThat(List.of(withdrawalRow.get("corrects_event_id"), withdrawalRow.get("correction_kind"),
        withdrawalRow.get("corrected_by_event_id"), withdrawalRow.get("corrected_by_kind"),
        withdrawalRow.get("corrected_at")))
        .containsExactly(blockage.getEventId(), "WITHDRAWS", "", "", "");
  }

  @Test
  void thePdfShowsBothSidesOfACorrection() throws IOException {
    CaseTimeline t = timeline(corrected().events(), null);

    try (PDDocument document = Loader.loadPDF(TimelinePdf.toPdf(t))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Blocage signalé : compte bloqué — saisi par erreur, retiré le 20/01/2026",
          "Retrait de l'événement du 05/01/2026 (saisi par erreur) ; il indiquait : Blocage signalé : compte bloqué",
          "valable jusqu'au 12/06/2026 — saisi par erreur, remplacé le 15/03/2026",
          "Correction de l'événement du 12/03/2026 (saisi par erreur) : API (attestation de prolongation d'instruction)"
              + " délivrée, valable jusqu'au 12/09/2026",
          "marqué « remplacé » ou « retiré »");
    }
  }

  /** Words and marks of the French descriptions that an English one never contains. */
  private static final String[] FRENCH = {"Ouverture", "Alerte", "saisi par erreur", "Blocage", "Demande", "Décision",
      "Dossier", "Suivi", "Tentative", "Situation mise", "Identité", "gravité", "fondement", "jusqu'au", "remplacé",
      "retiré", "événement", " : ", " ; "};

  /** The corrected story, then every other kind of event, the story's alert raised again, and a failed escalation. */
  private CaseTimeline everyKind() {
    List<CaseEvent> events = corrected()
        .add(LocalDate.of(2026, 3, 16), VolunteerAssigned.newBuilder().setVolunteerId("vol-2").build())
        .add(LocalDate.of(2026, 3, 17), SubmissionRecorded.newBuilder().setProcedure(Procedure.FIRST_REQUEST)
            .setComplete(false).setReceiptMentionsAppealRoutes(false).build())
        .blockageResolved(LocalDate.of(2026, 3, 18), BlockageKind.ACCOUNT_LOCKED)
        .apiExpired(LocalDate.of(2026, 9, 13))
        .employerRefused(LocalDate.of(2026, 9, 14))
        .add(LocalDate.of(2026, 9, 15), SituationUpdated.newBuilder().setEmployed(false).setReceivesBenefits(true)
            .setBenefitKinds(List.of(BenefitKind.CAF, BenefitKind.FRANCE_TRAVAIL)).build())
        .add(LocalDate.of(2026, 9, 20), DecisionReceived.newBuilder().setDecision(Decision.REFUSED_WITH_OQTF)
            .setAppealDeadline(LocalDate.of(2026, 10, 20)).setOqtfTerms(OqtfTerms.NO_DEPARTURE_PERIOD).build())
        .add(LocalDate.of(2026, 9, 25), SituationUpdated.newBuilder().setAppeal(AppealKind.COURT_APPEAL).build())
        .add(LocalDate.of(2026, 10, 1), DecisionReceived.newBuilder().setDecision(Decision.GRANTED)
            .setNewPermitExpiresOn(LocalDate.of(2030, 5, 3)).build())
        .closed(LocalDate.of(2026, 10, 2))
        .erased(LocalDate.of(2026, 10, 3))
        .events();
    List<CaseAlert> alerts = List.of(alert(AlertStatus.RAISED, Instant.parse("2026-02-01T06:00:00Z")),
        alert(AlertStatus.RAISED, Instant.parse("2026-02-10T06:00:00Z")),
        alert(AlertStatus.RESOLVED, Instant.parse("2026-02-20T09:00:00Z")));
    NotificationOutcome failed = NotificationOutcome.newBuilder(notification(NotificationState.FAILED,
        Instant.parse("2026-02-11T07:00:00Z"))).setNotificationId("n-2").setKind(NotificationKind.ESCALATION)
        .setChannel(NotificationChannel.WEBHOOK).setRecipientVolunteerId("vol-2")
        .setRecipientRole(VolunteerRole.COORDINATOR).setAttempts(3).setDetail("HTTP 503").build();
    List<NotificationOutcome> notifications = List.of(
        notification(NotificationState.SENT, Instant.parse("2026-02-01T06:00:05Z")), failed);
    return builder.build(CASE, ASSOCIATION, events, alerts, notifications, null, GENERATED);
  }

  private static List<String> english(CaseTimeline t, String type) {
    return t.entries().stream().filter(e -> e.type().equals(type)).map(TimelineEntry::descriptionEn).toList();
  }

  @Test
  void aRefusalShowsTheLastDayToContestItTheDecisionStates() {
    CaseTimeline t = everyKind();
    assertThat(t.entries()).filteredOn(e -> e.type().equals("DECISION_RECEIVED")).extracting(TimelineEntry::description)
        .anySatisfy(d -> assertThat(d).isEqualTo("Décision reçue : refus avec OQTF (sans délai de départ volontaire) ; "
            + "recours possible jusqu'au 20/10/2026 (selon la décision)"));
  }

  @Test
  void anAppealFiledIsNamedAsTheApiNamesItThoughTheLogHoldsItAsASituation() {
    CaseTimeline t = everyKind();
    assertThat(t.entries()).filteredOn(e -> e.type().equals("APPEAL_FILED")).extracting(TimelineEntry::description)
        .containsExactly("Recours déposé : recours en annulation au tribunal administratif");
    assertThat(english(t, "APPEAL_FILED")).containsExactly("Appeal filed: annulment action at the administrative court");
  }

  @Test
  void anAlertWhoseDeadlinePassedWithNothingRecordedIsSaidClosedNotResolved() {
    List<CaseAlert> alerts = List.of(alert(AlertStatus.RAISED, Instant.parse("2026-02-01T06:00:00Z")),
        CaseAlert.newBuilder(alert(AlertStatus.RESOLVED, Instant.parse("2026-02-20T09:00:00Z"))).setLapsed(true).build());
    CaseTimeline t = builder.build(CASE, ASSOCIATION, CaseEvents.random(ASSOCIATION).events(), alerts, List.of(), null,
        GENERATED);
    assertThat(t.entries()).filteredOn(e -> e.type().equals("ALERT_RESOLVED")).singleElement().satisfies(e -> {
      assertThat(e.description()).startsWith("Alerte close, son échéance passée sans suite enregistrée");
      assertThat(e.descriptionEn()).startsWith("Alert closed, its deadline passed with nothing recorded");
    });
  }

  @Test
  void anAlertClosedByARefusalAnAppealTheCaseOrTheRuleSaysSo() {
    java.util.Map<org.vigie.schemas.Resolution, String> said = java.util.Map.of(
        org.vigie.schemas.Resolution.REQUEST_REFUSED, "Alerte close par le refus enregistré",
        org.vigie.schemas.Resolution.APPEAL_FILED, "Alerte close, le recours au tribunal administratif enregistré",
        org.vigie.schemas.Resolution.CASE_CLOSED, "Alerte close, le dossier n'étant plus suivi",
        org.vigie.schemas.Resolution.RULE_DISABLED, "Alerte close, la règle désactivée par l'association",
        org.vigie.schemas.Resolution.FACT_CORRECTED, "Alerte close, le fait qui l'avait déclenchée corrigé ou retiré",
        org.vigie.schemas.Resolution.DEADLINE_PASSED, "Alerte close, son échéance passée sans suite enregistrée",
        org.vigie.schemas.Resolution.SITUATION_ENDED, "Alerte résolue");
    said.forEach((why, words) -> {
      List<CaseAlert> alerts = List.of(alert(AlertStatus.RAISED, Instant.parse("2026-02-01T06:00:00Z")),
          CaseAlert.newBuilder(alert(AlertStatus.RESOLVED, Instant.parse("2026-02-20T09:00:00Z"))).setResolution(why)
              .setLapsed(why == org.vigie.schemas.Resolution.DEADLINE_PASSED).build());
      CaseTimeline t = builder.build(CASE, ASSOCIATION, CaseEvents.random(ASSOCIATION).events(), alerts, List.of(), null,
          GENERATED);
      assertThat(t.entries()).filteredOn(e -> e.type().equals("ALERT_RESOLVED")).singleElement().satisfies(e -> {
        assertThat(e.description()).as("%s", why).startsWith(words + " : ");
        assertThat(e.descriptionEn()).as("%s", why).startsWith(why == org.vigie.schemas.Resolution.SITUATION_ENDED
            ? "Alert resolved" : "Alert closed");
      });
    });
  }

  @Test
  void everyEntryHasAnEnglishDescriptionNextToTheFrenchOne() {
    CaseTimeline t = everyKind();

    assertThat(t.entries()).extracting(TimelineEntry::type).contains("CASE_OPENED", "VOLUNTEER_ASSIGNED",
        "SUBMISSION_RECORDED", "BLOCKAGE_REPORTED", "BLOCKAGE_RESOLVED", "API_ISSUED", "API_EXPIRY_RECORDED",
        "CCC_CONTACT_ATTEMPTED", "EMPLOYER_REFUSED_API", "SITUATION_UPDATED", "DECISION_RECEIVED", "APPEAL_FILED", "CASE_CLOSED",
        "CASE_ERASED", "ALERT_RAISED", "ALERT_UPDATED", "ALERT_RESOLVED", "NOTIFICATION_SENT", "NOTIFICATION_FAILED");
    for (TimelineEntry e : t.entries()) {
      assertThat(e.description()).as("French of %s", e.type()).isNotBlank();
      assertThat(e.descriptionEn()).as("English of %s", e.type()).isNotBlank().isNotEqualTo(e.description())
          .doesNotContain(FRENCH).doesNotContainPattern("\\d{2}/\\d{2}/\\d{4}");
    }
  }

  @Test
  void theEnglishDescriptionsOfEventsCorrectionsAlertsAndNotifications() {
    CaseTimeline t = everyKind();

    assertThat(english(t, "CASE_OPENED")).containsExactly("Case opened: temporary residence card expiring on"
        + " 31 January 2026; renewal; department 93; employed: no; benefits: no; followed by vol-1");
    assertThat(english(t, "VOLUNTEER_ASSIGNED")).containsExactly("Case assigned to volunteer vol-2");
    assertThat(english(t, "SUBMISSION_RECORDED")).containsExactly("Application submitted on ANEF: renewal (complete"
        + " file: yes)", "Application submitted on ANEF: first request (complete file: no); the receipt does not mention"
        + " the appeal routes");
    assertThat(english(t, "BLOCKAGE_REPORTED")).containsExactly(
        "Blockage reported: account locked — recorded in error, withdrawn on 20 January 2026",
        "Withdrawal of the event of 5 January 2026 (recorded in error); it read: Blockage reported: account locked");
    assertThat(english(t, "BLOCKAGE_RESOLVED")).containsExactly("Blockage resolved: account locked");
    assertThat(english(t, "API_ISSUED")).containsExactly("API (certificate extending the examination of the"
        + " application) issued, valid until 12 June 2026 — recorded in error, replaced on 15 March 2026",
        "Correction of the event of 12 March 2026 (recorded in error): API (certificate extending the examination of"
            + " the application) issued, valid until 12 September 2026");
    assertThat(english(t, "API_EXPIRY_RECORDED")).containsExactly("API expired without renewal");
    assertThat(english(t, "CCC_CONTACT_ATTEMPTED")).containsExactly("Attempt to reach the CCC by phone: no answer"
        + " (waited 45 min)");
    assertThat(english(t, "EMPLOYER_REFUSED_API")).containsExactly("The employer refuses the API");
    assertThat(english(t, "SITUATION_UPDATED")).containsExactly("Situation updated: employed: no; benefits: yes;"
        + " benefits received (CAF, France Travail)");
    assertThat(english(t, "DECISION_RECEIVED")).containsExactly("Decision received: refused with OQTF (no voluntary departure period); appeal possible"
        + " until 20 October 2026 (as the decision states)", "Decision received: permit granted; new permit valid"
        + " until 3 May 2030");
    assertThat(english(t, "CASE_CLOSED")).containsExactly("Case closed");
    assertThat(english(t, "CASE_ERASED")).containsExactly("Identity erased (right to erasure or end of the retention"
        + " period)");
    String alert = ": permit expired without API (PERMIT_EXPIRED_WITHOUT_API), severity critical; condition met since"
        + " 1 February 2026; deadline 1 February 2026; legal basis: CESEDA R.431-15-1 (text version of 1 May 2025,"
        + " rule 1.0)";
    assertThat(english(t, "ALERT_RAISED")).containsExactly("Alert raised" + alert + ". Permit expired, no API.");
    assertThat(english(t, "ALERT_UPDATED")).containsExactly("Alert updated" + alert + ". Permit expired, no API.");
    assertThat(english(t, "ALERT_RESOLVED")).containsExactly("Alert resolved" + alert);
    assertThat(english(t, "NOTIFICATION_SENT")).containsExactly("Notification (alert) by email to vol-1, alert permit"
        + " expired without API: sent");
    assertThat(english(t, "NOTIFICATION_FAILED")).containsExactly("Notification (escalation to the coordinator) by"
        + " webhook to the coordinator vol-2, alert permit expired without API: sending failed (3 attempts); reason:"
        + " HTTP 503");
    assertThat(t.entries()).filteredOn(e -> e.type().equals("NOTIFICATION_FAILED")).extracting(TimelineEntry::description)
        .containsExactly("Notification (escalade au coordinateur) par webhook à la coordination vol-2, alerte titre"
            + " expiré sans API : échec d'envoi (3 tentatives) ; motif : HTTP 503");
    assertThat(t.entries()).filteredOn(e -> e.type().equals("SITUATION_UPDATED")).extracting(TimelineEntry::description)
        .containsExactly("Situation mise à jour : en emploi : non ; prestations : oui ; prestations perçues"
            + " (CAF, France Travail)");
  }

  @Test
  void jsonAndCsvCarryTheEnglishDescriptionInAFieldAndAColumnAddedAtTheEnd() throws IOException {
    CaseTimeline t = everyKind();

    JsonNode entries = JsonOutput.mapper().readTree(JsonOutput.toJson(t)).get("entries");
    List<CSVRecord> rows = rows(t);
    String[] header = TimelineCsv.toCsv(t).split("\r\n", 2)[0].split(",");

    assertThat(header).endsWith("description_en", "recorded_by_name", "recipient_name");
    assertThat(header[5]).isEqualTo("description");
    assertThat(entries).hasSize(t.entries().size());
    assertThat(rows).hasSize(t.entries().size());
    for (int i = 0; i < t.entries().size(); i++) {
      TimelineEntry e = t.entries().get(i);
      List<String> fields = new ArrayList<>();
      entries.get(i).fieldNames().forEachRemaining(fields::add);
      assertThat(fields).as("JSON fields of %s", e.type()).endsWith("descriptionEn");
      assertThat(entries.get(i).get("description").asText()).isEqualTo(e.description());
      assertThat(entries.get(i).get("descriptionEn").asText()).isEqualTo(e.descriptionEn());
      assertThat(rows.get(i).get("description")).isEqualTo(e.description());
      assertThat(rows.get(i).get("description_en")).isEqualTo(e.descriptionEn());
    }
  }

  private static JsonNode entryNode(JsonNode timeline, String eventId) {
    for (JsonNode e : timeline.get("entries")) {
      if (e.has("eventId") && e.get("eventId").asText().equals(eventId)) {
        return e;
      }
    }
    throw new AssertionError("no entry for " + eventId);
  }

  private static List<CSVRecord> rows(CaseTimeline t) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(TimelineCsv.toCsv(t))).getRecords();
  }

  @Test
  void theTimelineOfAnErasedCaseShowsNoIdentity() throws IOException {
    List<CaseEvent> events = story().erased(LocalDate.of(2026, 3, 1)).events();

    CaseTimeline t = timeline(events, "Amina Diallo");

    assertThat(t.erased()).isTrue();
    assertThat(t.identityLabel()).isNull();
    assertThat(JsonOutput.toJson(t)).doesNotContain("Amina");
    assertThat(TimelineCsv.toCsv(t)).doesNotContain("Amina");
    try (PDDocument document = Loader.loadPDF(TimelinePdf.toPdf(t))) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).doesNotContain("Amina").contains("Identité effacée le 01/03/2026");
    }
  }

  @Test
  void anEmptyTimelineStillRenders() throws IOException {
    CaseTimeline t = builder.build(CASE, ASSOCIATION, List.of(), List.of(), List.of(), null, GENERATED);
    try (PDDocument document = Loader.loadPDF(TimelinePdf.toPdf(t))) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(document)).contains("Aucun élément enregistré pour ce dossier.");
    }
  }

  @Test
  void eachFormatWritesItsMediaType() throws IOException {
    CaseTimeline t = timeline(story().events(), null);
    assertThat(TimelineFormat.parse("PDF")).contains(TimelineFormat.PDF);
    assertThat(TimelineFormat.parse("xml")).isEmpty();
    assertThat(TimelineFormat.parse(null)).isEmpty();

    java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
    TimelineFormat.JSON.write(t, json);
    java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
    TimelineFormat.CSV.write(t, csv);
    java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
    TimelineFormat.PDF.write(t, pdf);

    assertThat(json.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(JsonOutput.toJson(t));
    assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(TimelineCsv.toCsv(t));
    assertThat(new String(pdf.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(TimelineFormat.CSV.contentType()).startsWith("text/csv");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        if (luminance < 3 * 128) {
          dark++;
        }
      }
    }
    return dark;
  }

  /** The first page at screen resolution under target/, for a person to look at. */
  private static void writePreview(PDFRenderer renderer) throws IOException {
    Path dir = Path.of("target", "timeline-preview");
    Files.createDirectories(dir);
    ImageIO.write(renderer.renderImageWithDPI(0, 110), "png", dir.resolve("page-1.png").toFile());
  }
}
