package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.notifier.testing.TestClock;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * A volunteer away (holidays, illness): the alerts of the cases they follow go to their substitute,
 * who is told in whose place, else to the coordinators who are there; once the absence is over, to the
 * volunteer again.
 */
class AbsenceTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  /** 10:00 in Paris on 27 November 2026. */
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final LocalDate AWAY_UNTIL = LocalDate.of(2026, 12, 4);

  private record Team(String association, String volunteer, String substitute, String coordinator) {
    Team() {
      this(Fixtures.id("asso"), Fixtures.id("vol"), Fixtures.id("sub"), Fixtures.id("coord"));
    }

    static String mail(String id) {
      return id + "@asso.test";
    }

    DirectoryEntry volunteerAway(LocalDate until, String substituteId) {
      return Fixtures.volunteer(association, volunteer, mail(volunteer)).setDisplayName("Camille Martin")
          .setAbsentUntil(until).setSubstituteVolunteerId(substituteId).build();
    }

    List<DirectoryEntry> others(LocalDate substituteAwayUntil) {
      return List.of(Fixtures.volunteer(association, substitute, mail(substitute)).setAbsentUntil(substituteAwayUntil).build(),
          Fixtures.coordinator(association, coordinator, mail(coordinator)).build());
    }

    CaseAlert alert() {
      return Fixtures.raised(association, volunteer, RuleId.API_EXPIRING, Severity.HIGH).build();
    }
  }

  @Test
  void whileAwayTheSubstituteIsToldInWhosePlaceElseTheCoordinatorsThenTheVolunteerAgain() {
    TestClock clock = new TestClock(NOW);
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      // away with a substitute who is there: the substitute, told whom they stand in for
      Team withSubstitute = new Team();
      withSubstitute.others(null).forEach(kafka::publish);
      kafka.publish(withSubstitute.volunteerAway(AWAY_UNTIL, withSubstitute.substitute()));
      known(service, withSubstitute);
      kafka.publish(withSubstitute.alert());
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, Team.mail(withSubstitute.substitute())).size() == 1);
      assertThat(Mails.plainText(Mails.to(SMTP, Team.mail(withSubstitute.substitute())).get(0)))
          .contains("Vous recevez cette alerte à la place de Camille Martin, absent·e jusqu'au 4 décembre 2026 inclus.")
          .contains("You receive this alert in place of Camille Martin, away until 4 December 2026 included.");

      // away, the substitute away too: the coordinators
      Team substituteAway = new Team();
      substituteAway.others(AWAY_UNTIL).forEach(kafka::publish);
      kafka.publish(substituteAway.volunteerAway(AWAY_UNTIL, substituteAway.substitute()));
      known(service, substituteAway);
      kafka.publish(substituteAway.alert());
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, Team.mail(substituteAway.coordinator())).size() == 1);
      assertThat(Mails.plainText(Mails.to(SMTP, Team.mail(substituteAway.coordinator())).get(0)))
          .contains("à la place de Camille Martin");

      // the absence was over yesterday: the volunteer
      Team back = new Team();
      back.others(null).forEach(kafka::publish);
      kafka.publish(back.volunteerAway(LocalDate.of(2026, 11, 26), back.substitute()));
      known(service, back);
      kafka.publish(back.alert());
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, Team.mail(back.volunteer())).size() == 1);
      assertThat(Mails.plainText(Mails.to(SMTP, Team.mail(back.volunteer())).get(0))).doesNotContain("à la place de");

      // a volunteer who cannot be reached (no e-mail, no webhook), one of the two coordinators away: the other one only
      Team coordinatorAway = new Team();
      String second = Fixtures.id("coord");
      kafka.publish(Fixtures.coordinator(coordinatorAway.association(), coordinatorAway.coordinator(),
          Team.mail(coordinatorAway.coordinator())).setAbsentUntil(AWAY_UNTIL).build());
      kafka.publish(Fixtures.coordinator(coordinatorAway.association(), second, Team.mail(second)).build());
      kafka.publish(Fixtures.volunteer(coordinatorAway.association(), coordinatorAway.volunteer(), null).build());
      known(service, coordinatorAway);
      kafka.publish(coordinatorAway.alert());
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, Team.mail(second)).size() == 1);
      assertThat(Mails.to(SMTP, Team.mail(coordinatorAway.coordinator()))).isEmpty();

      for (Team t : List.of(withSubstitute, substituteAway)) {
        assertThat(Mails.to(SMTP, Team.mail(t.volunteer()))).isEmpty();
      }
      assertThat(Mails.to(SMTP, Team.mail(withSubstitute.coordinator()))).isEmpty();
      assertThat(Mails.to(SMTP, Team.mail(back.substitute()))).isEmpty();
      assertThat(Mails.to(SMTP, Team.mail(substituteAway.substitute()))).isEmpty();
    }
  }

  @Test
  void theRemindersOfAnAlertToldBeforeTheAbsenceGoToTheSubstitute() {
    TestClock clock = new TestClock(NOW);
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      Team team = new Team();
      team.others(null).forEach(kafka::publish);
      kafka.publish(team.volunteerAway(null, null));
      known(service, team);
      kafka.publish(team.alert());
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, Team.mail(team.volunteer())).size() == 1);

      // then away for a week, the substitute named; the HIGH alert is still not taken in hand after 72 hours
      kafka.publish(team.volunteerAway(AWAY_UNTIL, team.substitute()));
      await().atMost(Duration.ofSeconds(60)).until(() -> service.jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM directory_entry WHERE association_id = :a AND absent_until IS NOT NULL")
          .bind("a", team.association()).mapTo(Long.class).one()) == 1);
      clock.advance(Duration.ofHours(73));
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, Team.mail(team.substitute())).size() == 1
          && Mails.to(SMTP, Team.mail(team.coordinator())).size() == 1);
      var reminder = Mails.to(SMTP, Team.mail(team.substitute())).get(0);
      assertThat(Mails.subject(reminder)).contains("Rappel");
      assertThat(Mails.plainText(reminder)).contains("à la place de Camille Martin, absent·e jusqu'au 4 décembre 2026 inclus",
          "Premier message\u00A0: ", "First message: ");
      assertThat(Mails.to(SMTP, Team.mail(team.volunteer()))).as("no reminder to the volunteer away").hasSize(1);
      // the coordinator told nobody took it in hand learns who follows the case, away, and since when it is known
      assertThat(Mails.plainText(Mails.to(SMTP, Team.mail(team.coordinator())).get(0)))
          .contains("Suivi par\u00A0: Camille Martin, absent·e jusqu'au 4 décembre 2026 inclus", "Premier message\u00A0: ",
              "Followed by: Camille Martin, away until 4 December 2026 included");
    }
  }

  @Test
  void theSubstituteTakesTheAlertInHandThroughItsLinkAndNobodyIsRemindedSince() throws Exception {
    TestClock clock = new TestClock(NOW);
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.servingLinks(Harness.fromNow(SMTP.getSmtp().getPort())),
            NotifierService.Options.defaults().withClock(clock))) {
      Team team = new Team();
      team.others(null).forEach(kafka::publish);
      kafka.publish(team.volunteerAway(AWAY_UNTIL, team.substitute()));
      known(service, team);
      CaseAlert alert = team.alert();
      kafka.publish(alert);
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, Team.mail(team.substitute())).size() == 1);

      java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(Mails.ackLink(Mails.to(SMTP, Team.mail(team.substitute())).get(0))))
              .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("prise en compte").doesNotContain("confié à une autre personne");
      boolean acknowledged = service.jdbi().withHandle(h -> h.createQuery(
          "SELECT acknowledged_at IS NOT NULL FROM alert WHERE alert_id = :id")
          .bind("id", alert.getAlertId()).mapTo(Boolean.class).one());
      assertThat(acknowledged).isTrue();

      // past the HIGH alert's 72 hours: neither a reminder to the substitute nor the coordinators told
      clock.advance(Duration.ofHours(73));
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() ->
          Mails.to(SMTP, Team.mail(team.substitute())).size() == 1 && Mails.to(SMTP, Team.mail(team.coordinator())).isEmpty());
    }
  }

  /** Waits until the notifier has read the team's three entries: an alert read before would find nobody away. */
  private static void known(NotifierService service, Team team) {
    await().atMost(Duration.ofSeconds(60)).until(() -> service.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM directory_entry WHERE association_id = :a").bind("a", team.association()).mapTo(Long.class).one()) == 3);
  }
}
