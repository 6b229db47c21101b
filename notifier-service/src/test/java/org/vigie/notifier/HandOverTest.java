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
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.notifier.testing.TestClock;
import org.vigie.platform.config.Config;
import org.vigie.platform.testing.SharedPostgres;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * A case handed over while its alert is open: each hand-over starts a cycle of its own (the volunteer now following
 * the case told, reminded, the coordinators told if nobody takes the alert in hand), also for a coordinator escalated
 * to in a cycle before and for a volunteer the case comes back to; the same records read again send nothing twice.
 */
class HandOverTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();

  /** An association with two volunteers and a coordinator, each with a mail address. */
  private record Team(String association, String first, String second, String coordinator) {
    Team() {
      this(Fixtures.id("asso"), Fixtures.id("vol"), Fixtures.id("vol"), Fixtures.id("coord"));
    }

    static String mail(String id) {
      return id + "@asso.test";
    }

    void publishTo(Harness kafka) {
      kafka.publish(Fixtures.volunteer(association, first, mail(first)).setDisplayName("Alex Durand").build());
      kafka.publish(Fixtures.volunteer(association, second, mail(second)).setDisplayName("Camille Martin").build());
      kafka.publish(Fixtures.coordinator(association, coordinator, mail(coordinator)).build());
    }

    CaseAlert critical() {
      return Fixtures.raised(association, first, RuleId.API_EXPIRED, Severity.CRITICAL).build();
    }
  }

  /**
   * Nobody took the alert in hand: the coordinator is told, then the case is handed over and the new volunteer does
   * not take it in hand either. The coordinator is told again, in the conversation of their first escalation.
   */
  @Test
  void aCoordinatorEscalatedToBeforeTheHandOverIsToldAgainWhenTheNewVolunteerDoesNotTakeTheAlertInHand()
      throws Exception {
    Team team = new Team();
    String aMail = Team.mail(team.first());
    String bMail = Team.mail(team.second());
    String cMail = Team.mail(team.coordinator());
    CaseAlert alert = team.critical();
    Config config = Harness.servingLinks(Harness.fromNow(SMTP.getSmtp().getPort()));
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
      team.publishTo(kafka);
      kafka.publish(alert);
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(aMail).size() == 1);
      clock.advance(Duration.ofHours(25));
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(cMail).size() == 1 && mails(aMail).size() == 2);
      MimeMessage firstEscalation = mails(cMail).get(0);

      CaseAlert handOver = CaseAlert.newBuilder(alert).setAssignedVolunteerId(team.second())
          .setEmittedAt(clock.instant()).build();
      kafka.publish(handOver);
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(bMail).size() == 1);
      assertThat(Mails.plainText(mails(bMail).get(0))).contains("Ce dossier vient de vous être confié");
      // the same hand-over read again (a redelivery) tells nobody again
      kafka.publish(handOver);

      clock.advance(Duration.ofHours(25));
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(bMail).size() == 2);
      assertThat(Mails.subject(mails(bMail).get(1))).contains("Rappel").contains("API_EXPIRED");
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(cMail).size() == 2);
      MimeMessage escalation = mails(cMail).get(1);
      assertThat(Mails.subject(escalation)).contains("Sans réponse").contains("API_EXPIRED");
      assertThat(Mails.plainText(escalation)).as("who follows the case now").contains("Camille Martin")
          .doesNotContain("Alex Durand");
      assertThat(escalation.getMessageID()).isNotEqualTo(firstEscalation.getMessageID());
      assertThat(escalation.getHeader("In-Reply-To", null)).as("the coordinator's conversation about the alert")
          .isEqualTo(firstEscalation.getMessageID());
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
          .until(() -> mails(aMail).size() == 2 && mails(bMail).size() == 2 && mails(cMail).size() == 2);

      // the coordinator's new link takes the alert in hand: nobody hears of it again
      HttpResponse<String> taken = post(Mails.ackLink(escalation));
      assertThat(taken.body()).contains("prise en compte");
      clock.advance(Duration.ofHours(25));
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
          .until(() -> mails(aMail).size() == 2 && mails(bMail).size() == 2 && mails(cMail).size() == 2);
    }
  }

  /**
   * A → B → A: the volunteer the case comes back to is told again (in their conversation about the alert), reminded,
   * and the coordinator told if they do not take it in hand; the volunteer in between no longer takes it in hand.
   * Read again from the start into the same ledger, the records send nothing.
   */
  @Test
  void aCaseHandedBackToAVolunteerToldBeforeTellsThemAgainAndIsFollowedUpAndAReplaySendsNothing() throws Exception {
    Team team = new Team();
    String aMail = Team.mail(team.first());
    String bMail = Team.mail(team.second());
    String cMail = Team.mail(team.coordinator());
    CaseAlert alert = team.critical();
    String db = SharedPostgres.newDatabaseUrl();
    Map<TopicPartition, Long> start = Harness.endOffsets();
    Config config = Harness.servingLinks(Harness.config(SMTP.getSmtp().getPort(), db, Harness.groupAt(start)));
    try (Harness kafka = new Harness()) {
      long rows;
      String backLink;
      try (NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
        team.publishTo(kafka);
        kafka.publish(alert);
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(aMail).size() == 1);
        MimeMessage first = mails(aMail).get(0);

        clock.advance(Duration.ofHours(1));
        kafka.publish(CaseAlert.newBuilder(alert).setAssignedVolunteerId(team.second()).setEmittedAt(clock.instant()).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(bMail).size() == 1);

        clock.advance(Duration.ofHours(1));
        kafka.publish(CaseAlert.newBuilder(alert).setAssignedVolunteerId(team.first()).setEmittedAt(clock.instant()).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(aMail).size() == 2);
        MimeMessage back = mails(aMail).get(1);
        backLink = Mails.ackLink(back);
        assertThat(Mails.subject(back)).contains("API_EXPIRED").doesNotContain("Rappel");
        assertThat(Mails.plainText(back)).contains("Ce dossier vient de vous être confié");
        assertThat(back.getMessageID()).isNotEqualTo(first.getMessageID());
        assertThat(back.getHeader("In-Reply-To", null)).as("A's conversation about the alert").isEqualTo(first.getMessageID());
        // the volunteer in between no longer takes it in hand: A does
        assertThat(post(Mails.ackLink(mails(bMail).get(0))).body()).contains("confié à une autre personne");

        clock.advance(Duration.ofHours(25));
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(aMail).size() == 3 && mails(cMail).size() == 1);
        assertThat(Mails.subject(mails(aMail).get(2))).contains("Rappel").contains("API_EXPIRED");
        assertThat(mails(aMail).get(2).getHeader("In-Reply-To", null)).isEqualTo(first.getMessageID());
        assertThat(Mails.subject(mails(cMail).get(0))).contains("Sans réponse").contains("API_EXPIRED");
        assertThat(Mails.plainText(mails(cMail).get(0))).contains("Alex Durand");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> mails(bMail).size() == 1);
        rows = ledgerRows(service);
      }

      // a replay: a new consumer group reads the alert, both hand-overs and the directory again into the same ledger
      try (NotifierService replay = NotifierService.start(config.with("VIGIE_NOTIFIER_GROUP_ID", Harness.groupAt(start)),
          NotifierService.Options.defaults().withClock(clock))) {
        String marker = Fixtures.id("vol");
        kafka.publish(Fixtures.volunteer(team.association(), marker, Team.mail(marker)).build());
        kafka.publish(Fixtures.raised(team.association(), marker, RuleId.API_EXPIRED, Severity.CRITICAL).build());
        // the replayed consumer has read past the hand-overs once the later alert is delivered
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(Team.mail(marker)).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
            .until(() -> mails(aMail).size() == 3 && mails(bMail).size() == 1 && mails(cMail).size() == 1);
        assertThat(ledgerRows(replay)).as("the marker's row only").isEqualTo(rows + 1);

        // A takes it in hand with the link of the hand-over's mail
        assertThat(post(backLink).body()).contains("prise en compte");
      }
    }
  }

  private HttpResponse<String> post(String link) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(link)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long ledgerRows(NotifierService service) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notification").mapTo(Long.class).one());
  }

  private static List<MimeMessage> mails(String address) {
    return Mails.to(SMTP, address);
  }
}
