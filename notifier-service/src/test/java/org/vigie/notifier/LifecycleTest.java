package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.notifier.testing.TestClock;
import org.vigie.notifier.testing.TopicTail;
import org.vigie.platform.config.Config;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/** Acknowledgement, escalation, reminders and the resolved notice, with time driven by the test. */
class LifecycleTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void acknowledgedAlertsStopWhileOthersAreEscalatedRemindedAndResolved() throws Exception {
    Team team = new Team();
    String association = team.association();
    String volunteer = team.volunteer();
    String vMail = team.volunteerMail();
    String cMail = team.coordinatorMail();
    CaseAlert acked = team.critical(RuleId.API_EXPIRED);
    CaseAlert ignored = team.critical(RuleId.EMPLOYMENT_AT_RISK);
    CaseAlert high = Fixtures.raised(association, volunteer, RuleId.IMPLICIT_REJECTION, Severity.HIGH).build();
    Config config = Harness.servingLinks(Harness.fromNow(SMTP.getSmtp().getPort()));
    AvroSerde<NotificationOutcome> outcomes = AvroSerde.of(NotificationOutcome.class);

    try (Harness kafka = new Harness();
        TopicTail tail = new TopicTail(Topics.NOTIFICATIONS.name());
        NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      // one at a time: alerts due together would share one mail, and this story follows each alert's own
      List<CaseAlert> raised = List.of(acked, ignored, high);
      for (int i = 0; i < raised.size(); i++) {
        int mails = i + 1;
        kafka.publish(raised.get(i));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(vMail).size() == mails);
      }

      MimeMessage first = mailsTo(vMail).stream().filter(m -> Mails.subject(m).contains("API_EXPIRED")).findFirst().orElseThrow();
      // a bare SMTP_FROM address is shown under the name Vigie in the mailbox
      assertThat(((jakarta.mail.internet.InternetAddress) first.getFrom()[0]).getPersonal()).isEqualTo("Vigie");
      String link = Mails.ackLink(first);
      // opened (a volunteer, or a mail scanner following every link): the alert and a button, nothing taken in hand
      HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(opened.statusCode()).isEqualTo(200);
      assertThat(opened.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(opened.body()).contains("lang=\"fr\"", "<main>", "<form method=\"post\">", "Je m'en occupe", "API expirée")
          .doesNotContain("prise en compte", "API_EXPIRED");
      assertThat(state(service, acked, NotificationKind.ALERT)).isEqualTo("SENT");
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>Vigie — Alerte prise en charge").contains("prise en compte").contains("API expirée")
          .doesNotContain("<form");
      HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(again.body()).contains("déjà").doesNotContain("<form");
      HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(link.substring(0, link.length() - 3) + "AAA")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(404);

      clock.advance(Duration.ofHours(25));
      // the unacknowledged CRITICAL alert: escalated to the coordinator and a reminder to the volunteer
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(cMail).size() == 1 && mailsTo(vMail).size() == 4);
      assertThat(Mails.subject(mailsTo(cMail).get(0))).contains("Sans réponse").contains("EMPLOYMENT_AT_RISK");
      assertThat(Mails.subject(mailsTo(vMail).get(3))).contains("Rappel").contains("EMPLOYMENT_AT_RISK");
      assertThat(state(service, ignored, NotificationKind.ALERT)).isEqualTo("ESCALATED");
      assertThat(state(service, acked, NotificationKind.ALERT)).isEqualTo("ACKNOWLEDGED");

      kafka.publish(Fixtures.resolvedFrom(ignored, clock.instant()));
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(cMail).size() == 2 && mailsTo(vMail).size() == 5);
      // the link of an alert resolved before anyone took it in hand says so, and takes nothing in hand
      String resolvedLink = Mails.ackLink(mailsTo(vMail).stream()
          .filter(m -> Mails.subject(m).contains("EMPLOYMENT_AT_RISK")).findFirst().orElseThrow());
      HttpResponse<String> late = http.send(HttpRequest.newBuilder(URI.create(resolvedLink)).POST(HttpRequest.BodyPublishers.noBody())
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(late.body()).contains("Alerte déjà résolue").doesNotContain("Merci");
      assertThat(state(service, ignored, NotificationKind.ALERT)).isEqualTo("ESCALATED");
      assertThat(Mails.subject(mailsTo(cMail).get(1))).contains("Résolu");
      assertThat(Mails.subject(mailsTo(vMail).get(4))).contains("Résolu").contains("EMPLOYMENT_AT_RISK");

      // a second round: the resolved and the acknowledged alerts stay quiet; the HIGH one is escalated at 72 h
      clock.advance(Duration.ofHours(48));
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(cMail).size() == 3 && mailsTo(vMail).size() == 6);
      assertThat(Mails.subject(mailsTo(cMail).get(2))).contains("IMPLICIT_REJECTION");
      assertThat(Mails.subject(mailsTo(vMail).get(5))).contains("Rappel").contains("IMPLICIT_REJECTION");

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        List<NotificationOutcome> published = tail.poll().stream().map(r -> outcomes.decode(r.value())).toList();
        assertThat(published).anyMatch(o -> o.getAlertId().equals(acked.getAlertId()) && o.getState() == NotificationState.SENT);
        assertThat(published).anyMatch(o -> o.getAlertId().equals(acked.getAlertId()) && o.getState() == NotificationState.ACKNOWLEDGED);
        assertThat(published).anyMatch(o -> o.getAlertId().equals(ignored.getAlertId()) && o.getState() == NotificationState.ESCALATED);
        assertThat(published).anyMatch(o -> o.getAlertId().equals(ignored.getAlertId())
            && o.getKind() == NotificationKind.RESOLVED_NOTICE && o.getState() == NotificationState.SENT);
      });

      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("vigie_notifier_sent_total{channel=\"EMAIL\"} 9.0")
          .contains("vigie_notifier_escalated_total 2.0").contains("vigie_notifier_ack_latency_seconds_count 1");
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/ready"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
    }
  }

  /** An alert resolved otherwise than by its situation's end: its notice says how, never good news. */
  @ParameterizedTest
  @CsvSource({
      "APPEAL_DEADLINE, DEADLINE_PASSED, Échéance passée · , un droit a pu être perdu",
      "IMPLICIT_REJECTION, REQUEST_REFUSED, Close · , Cette alerte est close\u00A0: un refus a été enregistré."})
  void anAlertResolvedOtherwiseThanByItsSituationsEndIsNotGoodNews(RuleId rule, Resolution why, String subject,
      String says) throws Exception {
    Team team = new Team();
    String vMail = team.volunteerMail();
    CaseAlert raised = Fixtures.raised(team.association(), team.volunteer(), rule, Severity.CRITICAL).build();
    Config config = Harness.fromNow(SMTP.getSmtp().getPort());
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      kafka.publish(raised);
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(vMail).size() == 1);

      // a record before CaseAlert version 3 says only that it lapsed; a newer one why it was resolved
      kafka.publish(CaseAlert.newBuilder(Fixtures.resolvedFrom(raised, clock.instant()))
          .setLapsed(why == Resolution.DEADLINE_PASSED).setResolution(why == Resolution.DEADLINE_PASSED ? null : why)
          .build());

      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(vMail).size() == 2);
      MimeMessage notice = mailsTo(vMail).get(1);
      assertThat(Mails.subject(notice)).startsWith("[Vigie] " + subject).contains(rule.name()).doesNotContain("Résolu");
      assertThat(Mails.plainText(notice)).contains(says).doesNotContain("Bonne nouvelle", "Good news");
    }
  }

  @Test
  void anAlertUpdatedIsNotSentAgainAndItsReminderTellsTheNewDeadlineAndNextSteps() throws Exception {
    Team team = new Team();
    String vMail = team.volunteerMail();
    String cMail = team.coordinatorMail();
    CaseAlert first = team.critical(RuleId.EMPLOYMENT_AT_RISK);
    Config config = Harness.fromNow(SMTP.getSmtp().getPort());
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      kafka.publish(first);
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(vMail).size() == 1);

      // the rules raise it again, same id and severity: a refusal recorded changed its next steps and deadline
      kafka.publish(CaseAlert.newBuilder(first).setEmittedAt(clock.instant()).setDeadline(java.time.LocalDate.parse("2026-12-15"))
          .setMessage(new org.vigie.schemas.AlertMessage("La demande a été refusée : contester le refus.",
              "The request was refused: contest the refusal.")).build());
      clock.advance(Duration.ofHours(25));
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(cMail).size() == 1 && mailsTo(vMail).size() == 2);
      MimeMessage reminder = mailsTo(vMail).get(1);
      assertThat(Mails.subject(reminder)).as("the update itself sent nothing").contains("Rappel");
      assertThat(Mails.plainText(reminder)).contains("La demande a été refusée\u00A0: contester le refus.")
          .contains("15 décembre 2026").doesNotContain("contacter le CCC");
      assertThat(Mails.plainText(mailsTo(cMail).get(0))).contains("La demande a été refusée\u00A0: contester le refus.");
    }
  }

  @Test
  void anAlertTakenInHandInIntakeGetsNoReminderNorEscalation() throws Exception {
    Team team = new Team();
    CaseAlert taken = team.critical(RuleId.API_EXPIRED);
    CaseAlert left = team.critical(RuleId.EMPLOYMENT_AT_RISK);
    AvroSerde<NotificationOutcome> outcomes = AvroSerde.of(NotificationOutcome.class);
    try (Harness kafka = new Harness();
        TopicTail tail = new TopicTail(Topics.NOTIFICATIONS.name());
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      // one at a time: read in one poll, the two would share one mail
      kafka.publish(taken);
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(team.volunteerMail()).size() == 1);
      kafka.publish(left);
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(team.volunteerMail()).size() == 2);

      // one of an alert the notifier never saw (kept, waiting for it), one of another association (ignored),
      // then the real one
      kafka.publish(ack(Fixtures.id("alert"), taken.getCaseId(), team.association(), team.volunteer()));
      kafka.publish(ack(taken.getAlertId(), taken.getCaseId(), Fixtures.id("other"), team.volunteer()));
      await().ignoreExceptions().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
          .until(() -> state(service, taken, NotificationKind.ALERT).equals("SENT"));
      kafka.publish(ack(taken.getAlertId(), taken.getCaseId(), team.association(), team.volunteer()));
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> state(service, taken, NotificationKind.ALERT).equals("ACKNOWLEDGED"));

      clock.advance(Duration.ofHours(25));
      // only the alert nobody took in hand is escalated and reminded
      await().atMost(Duration.ofSeconds(60))
          .until(() -> mailsTo(team.coordinatorMail()).size() == 1 && mailsTo(team.volunteerMail()).size() == 3);
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> mailsTo(team.coordinatorMail()).size() == 1);
      assertThat(Mails.subject(mailsTo(team.coordinatorMail()).get(0))).contains("EMPLOYMENT_AT_RISK");
      assertThat(Mails.subject(mailsTo(team.volunteerMail()).get(2))).contains("Rappel").contains("EMPLOYMENT_AT_RISK");
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tail.poll().stream().map(r -> outcomes.decode(r.value())))
          .anyMatch(o -> o.getAlertId().equals(taken.getAlertId()) && o.getState() == NotificationState.ACKNOWLEDGED));
    }
  }

  @Test
  void anAlertTurnedCriticalWithADeadlineCloseIsEscalatedBeforeTheDayOfItsDeadline() throws Exception {
    Team team = new Team();
    // a refusal with an OQTF recorded without its terms: HIGH, 30 days; corrected an hour later, in a retention
    // centre: CRITICAL, 48 hours (the last day is the day after tomorrow, Paris)
    CaseAlert oqtf = Fixtures.raised(team.association(), team.volunteer(), RuleId.APPEAL_DEADLINE, Severity.HIGH)
        .setDeadline(java.time.LocalDate.parse("2026-12-26")).build();
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      kafka.publish(oqtf);
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(team.volunteerMail()).size() == 1);

      clock.advance(Duration.ofHours(1));
      kafka.publish(CaseAlert.newBuilder(oqtf).setSeverity(Severity.CRITICAL)
          .setDeadline(java.time.LocalDate.parse("2026-11-28")).setEmittedAt(clock.instant()).build());
      await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> followUpAt(service, oqtf)
          .equals(Instant.parse("2026-11-26T23:00:00Z")));
      // the day the decision states recorded, three weeks away: 24 hours after the mail (CRITICAL); then back
      kafka.publish(CaseAlert.newBuilder(oqtf).setSeverity(Severity.CRITICAL)
          .setDeadline(java.time.LocalDate.parse("2026-12-17")).setEmittedAt(clock.instant()).build());
      await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> followUpAt(service, oqtf)
          .equals(Instant.parse("2026-11-27T10:00:00Z")));
      kafka.publish(CaseAlert.newBuilder(oqtf).setSeverity(Severity.CRITICAL)
          .setDeadline(java.time.LocalDate.parse("2026-11-28")).setEmittedAt(clock.instant()).build());
      await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> followUpAt(service, oqtf)
          .equals(Instant.parse("2026-11-26T23:00:00Z")));
      // at the start of the day before the deadline, not 72 hours (HIGH) nor 24 hours (CRITICAL) after the mail
      clock.advance(Duration.ofHours(13));
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(team.coordinatorMail()).size() == 1);
      assertThat(Mails.subject(mailsTo(team.coordinatorMail()).get(0))).contains("Sans réponse").contains("APPEAL_DEADLINE");
      assertThat(state(service, oqtf, NotificationKind.ALERT)).isEqualTo("ESCALATED");
    }
  }

  @Test
  void anAlertTheRulesResolveWithinTheSettleDelayIsNeverSent() throws Exception {
    Team team = new Team();
    String vMail = team.volunteerMail();
    CaseAlert passing = team.raised(RuleId.RENEWAL_DEADLINE, Severity.CRITICAL);
    CaseAlert lasting = team.raised(RuleId.API_NOT_ISSUED, Severity.HIGH);
    try (Harness kafka = new Harness();
        NotifierService service = startWaitingTwoMinutes()) {
      team.publishVolunteerTo(kafka);
      kafka.publish(passing);
      kafka.publish(lasting);
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> state(service, lasting, NotificationKind.ALERT).equals("PENDING"));
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> mailsTo(vMail).isEmpty());

      // a minute later the case's next event ends the first alert: nobody is told of it, nor of its end
      clock.advance(Duration.ofMinutes(1));
      kafka.publish(Fixtures.resolvedFrom(passing, clock.instant()));
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> state(service, passing, NotificationKind.ALERT).equals("CANCELLED"));
      clock.advance(Duration.ofMinutes(2));
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(vMail).size() == 1);
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> mailsTo(vMail).size() == 1);
      assertThat(Mails.subject(mailsTo(vMail).get(0))).contains("API_NOT_ISSUED");
    }
  }

  @Test
  void anAlertTakenInHandBeforeItIsSentIsNotSent() throws Exception {
    Team team = new Team();
    String vMail = team.volunteerMail();
    CaseAlert taken = team.critical(RuleId.API_EXPIRED);
    try (Harness kafka = new Harness();
        NotifierService service = startWaitingTwoMinutes()) {
      team.publishVolunteerTo(kafka);
      kafka.publish(taken);
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> state(service, taken, NotificationKind.ALERT).equals("PENDING"));
      kafka.publish(ack(taken.getAlertId(), taken.getCaseId(), team.association(), team.volunteer()));
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> state(service, taken, NotificationKind.ALERT).equals("CANCELLED"));
      clock.advance(Duration.ofHours(25));
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> mailsTo(vMail).isEmpty());
    }
  }

  @Test
  void anAlertTakenInHandBeforeTheNotifierReceivedItIsNeitherSentNorFollowedUp() throws Exception {
    Team team = new Team();
    CaseAlert taken = team.critical(RuleId.API_EXPIRED);
    CaseAlert left = team.critical(RuleId.EMPLOYMENT_AT_RISK);
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      // the acknowledgements consumer is ahead of the alerts one (e.g. the notifier was stopped meanwhile)
      kafka.publish(ack(taken.getAlertId(), taken.getCaseId(), team.association(), team.volunteer()));
      await().atMost(Duration.ofSeconds(60)).until(() -> kept(service, taken) == 1);

      kafka.publish(taken);
      kafka.publish(left);
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(team.volunteerMail()).size() == 1);
      assertThat(Mails.subject(mailsTo(team.volunteerMail()).get(0))).contains("EMPLOYMENT_AT_RISK");
      assertThat(state(service, taken, NotificationKind.ALERT)).isEqualTo("CANCELLED");
      assertThat(kept(service, taken)).isZero();

      clock.advance(Duration.ofHours(25));
      // only the alert nobody took in hand is escalated and reminded
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(team.coordinatorMail()).size() == 1 && mailsTo(team.volunteerMail()).size() == 2);
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
          .until(() -> mailsTo(team.coordinatorMail()).size() == 1 && mailsTo(team.volunteerMail()).size() == 2);
      assertThat(Mails.subject(mailsTo(team.coordinatorMail()).get(0))).contains("EMPLOYMENT_AT_RISK");
    }
  }

  /**
   * The case is handed over: the rules raise its open alert again, same id and severity, for the
   * successor, who is told, then reminded instead of the former volunteer, even when the former one
   * had taken the alert in hand.
   */
  @ParameterizedTest(name = "taken in hand by the former volunteer first: {0}")
  @ValueSource(booleans = {false, true})
  void aCaseHandedOverTellsTheNewVolunteerWhoIsRemindedInsteadOfTheFormerOne(boolean takenInHand) throws Exception {
    Team team = new Team();
    String successor = Fixtures.id("vol");
    String successorMail = successor + "@asso.test";
    CaseAlert alert = team.critical(RuleId.API_EXPIRED);
    Config config = Harness.servingLinks(Harness.fromNow(SMTP.getSmtp().getPort()));
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      kafka.publish(Fixtures.volunteer(team.association(), successor, successorMail).build());
      kafka.publish(alert);
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(team.volunteerMail()).size() == 1);
      if (takenInHand) {
        kafka.publish(ack(alert.getAlertId(), alert.getCaseId(), team.association(), team.volunteer()));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
            .until(() -> state(service, alert, NotificationKind.ALERT).equals("ACKNOWLEDGED"));
      }

      kafka.publish(CaseAlert.newBuilder(alert).setAssignedVolunteerId(successor).setEmittedAt(clock.instant()).build());
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(successorMail).size() == 1);
      assertThat(Mails.subject(mailsTo(successorMail).get(0))).contains("API_EXPIRED");
      assertThat(Mails.plainText(mailsTo(successorMail).get(0))).contains("Ce dossier vient de vous être confié");
      assertThat(Mails.plainText(mailsTo(team.volunteerMail()).get(0))).doesNotContain("Ce dossier vient de vous être confié");
      if (!takenInHand) {
        // the former volunteer's link no longer takes the alert in hand: the successor does
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(Mails.ackLink(mailsTo(team.volunteerMail()).get(0))))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("confié à une autre personne");
      }

      clock.advance(Duration.ofHours(25));
      await().atMost(Duration.ofSeconds(60))
          .until(() -> mailsTo(successorMail).size() == 2 && mailsTo(team.coordinatorMail()).size() == 1);
      assertThat(Mails.subject(mailsTo(successorMail).get(1))).contains("Rappel").contains("API_EXPIRED");
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
          .until(() -> mailsTo(team.volunteerMail()).size() == 1);
    }
  }

  @Test
  void aCaseHandedOverBeforeItsAlertWentOutIsToldToTheNewVolunteerOnly() throws Exception {
    Team team = new Team();
    String successor = Fixtures.id("vol");
    String successorMail = successor + "@asso.test";
    CaseAlert alert = team.critical(RuleId.API_EXPIRED);
    try (Harness kafka = new Harness();
        NotifierService service = startWaitingTwoMinutes()) {
      team.publishVolunteerTo(kafka);
      kafka.publish(Fixtures.volunteer(team.association(), successor, successorMail).build());
      kafka.publish(alert);
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> state(service, alert, NotificationKind.ALERT).equals("PENDING"));

      kafka.publish(CaseAlert.newBuilder(alert).setAssignedVolunteerId(successor).setEmittedAt(clock.instant()).build());
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> stateFor(service, alert, team.volunteer()).equals("CANCELLED"));
      clock.advance(Duration.ofMinutes(3));
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(successorMail).size() == 1);
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> mailsTo(team.volunteerMail()).isEmpty());
    }
  }

  /** An association with a volunteer and a coordinator, each with a mail address. */
  private record Team(String association, String volunteer, String coordinator) {
    Team() {
      this(Fixtures.id("asso"), Fixtures.id("vol"), Fixtures.id("coord"));
    }

    String volunteerMail() {
      return volunteer + "@asso.test";
    }

    String coordinatorMail() {
      return coordinator + "@asso.test";
    }

    CaseAlert critical(RuleId rule) {
      return raised(rule, Severity.CRITICAL);
    }

    CaseAlert raised(RuleId rule, Severity severity) {
      return Fixtures.raised(association, volunteer, rule, severity).build();
    }

    void publishVolunteerTo(Harness kafka) {
      kafka.publish(Fixtures.volunteer(association, volunteer, volunteerMail()).build());
    }

    void publishTo(Harness kafka) {
      publishVolunteerTo(kafka);
      kafka.publish(Fixtures.coordinator(association, coordinator, coordinatorMail()).build());
    }
  }

  private static Instant followUpAt(NotifierService service, CaseAlert alert) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT next_follow_up_at FROM alert WHERE alert_id = :a")
        .bind("a", alert.getAlertId()).mapTo(java.time.OffsetDateTime.class).one()).toInstant();
  }

  private static int kept(NotifierService service, CaseAlert alert) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM early_acknowledgement WHERE alert_id = :a")
        .bind("a", alert.getAlertId()).mapTo(Integer.class).one());
  }

  /** A notifier on the test clock whose new alerts wait two minutes before they are sent. */
  private NotifierService startWaitingTwoMinutes() {
    return NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()).with("VIGIE_NOTIFIER_SETTLE", "PT2M"),
        NotifierService.Options.defaults().withClock(clock));
  }

  private org.vigie.schemas.AlertAcknowledgement ack(String alertId, String caseId, String association, String volunteer) {
    return org.vigie.schemas.AlertAcknowledgement.newBuilder().setAlertId(alertId).setCaseId(caseId).setAssociationId(association)
        .setAcknowledgedBy(volunteer).setAcknowledgedAt(clock.instant()).build();
  }

  /** The state of an alert's first notification to one recipient. */
  private static String stateFor(NotifierService service, CaseAlert alert, String recipient) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT state FROM notification WHERE alert_id = :a AND kind = 'ALERT'"
            + " AND recipient_id = :r").bind("a", alert.getAlertId()).bind("r", recipient).mapTo(String.class).one());
  }

  static String state(NotifierService service, CaseAlert alert, NotificationKind kind) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT state FROM notification WHERE alert_id = :a AND kind = :k")
        .bind("a", alert.getAlertId()).bind("k", kind.name()).mapTo(String.class).one());
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Mails.to(SMTP, address);
  }
}
