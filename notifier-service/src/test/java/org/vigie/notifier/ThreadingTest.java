package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.notifier.ledger.NotificationKey;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.notifier.testing.TestClock;
import org.vigie.platform.config.Config;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/** The mails about an alert, as a mail reader groups them: by their Message-ID, In-Reply-To and References. */
class ThreadingTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private static final String CAUTION_FR = "Alerte d'aide au suivi, pas un calcul juridique opposable : vérifier les dates.";
  private static final String STEPS_FR = "Relancer le Centre de contact citoyen (CCC, formulaire ou téléphone) et se rendre"
      + " au point d'accueil numérique de la préfecture ; saisir en parallèle le Défenseur des droits.";

  private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));

  /**
   * Two alerts first told in one mail; their reminders, the coordinator's escalations, a resolution notice and a
   * hand-over follow: each recipient's later mails answer the first mail they received about the alerts.
   */
  @Test
  void theMailsAboutAnAlertMakeOneConversationInEachMailbox() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String coordinator = Fixtures.id("coord");
    String vMail = volunteer + "@asso.test";
    String cMail = coordinator + "@asso.test";
    CaseAlert expired = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL)
        .setMessage(new AlertMessage("L'API n'est plus valable depuis le 20 novembre 2026. " + STEPS_FR + " " + CAUTION_FR,
            "The API lapsed on 20 November 2026. Chase the CCC. Check the dates.")).build();
    CaseAlert employment = Fixtures.raised(association, volunteer, RuleId.EMPLOYMENT_AT_RISK, Severity.CRITICAL)
        .setCaseId(expired.getCaseId())
        .setMessage(new AlertMessage("La personne n'a plus de document l'autorisant à travailler. " + STEPS_FR + " "
            + CAUTION_FR, "The person has no document allowing work. Chase the CCC. Check the dates.")).build();
    // new alerts wait two minutes: both are recorded before either is due, and go in one mail
    Config config = Harness.fromNow(SMTP.getSmtp().getPort()).with("VIGIE_NOTIFIER_SETTLE", "PT2M")
        .with("VIGIE_NOTIFIER_REPLY_TO", "Permanence <permanence@asso.test>");

    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, vMail).build());
      kafka.publish(Fixtures.coordinator(association, coordinator, cMail).build());
      kafka.publishAll(List.of(expired, employment));
      await().atMost(Duration.ofSeconds(60)).until(() -> pendingAlertRows(service, expired, employment) == 2);
      clock.advance(Duration.ofMinutes(3));
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(vMail).size() == 1);

      MimeMessage first = mails(vMail).get(0);
      String firstId = first.getMessageID();
      assertThat(firstId).as("the first row's Message-ID, its domain the sender's")
          .isIn(messageId(expired, volunteer), messageId(employment, volunteer)).endsWith("@vigie.test>");
      assertThat(inReplyTo(first)).isNull();
      assertThat(first.getHeader("References")).isNull();
      assertThat(first.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("permanence@asso.test");
      assertThat(first.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("vigie@vigie.test");
      String text = Mails.plainText(first);
      assertThat(text.indexOf("Alerte d'aide au suivi")).as("the caution both texts end with, said once in French")
          .isEqualTo(text.lastIndexOf("Alerte d'aide au suivi"));
      // the alert that did not give the mail its Message-ID: its own never went out
      CaseAlert second = firstId.equals(messageId(expired, volunteer)) ? employment : expired;
      CaseAlert lead = second == expired ? employment : expired;

      // a day later: the volunteer is reminded of both, in the same conversation; the coordinator's first mail starts theirs
      clock.advance(Duration.ofHours(25));
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(vMail).size() == 2 && mails(cMail).size() == 1);
      MimeMessage reminder = mails(vMail).get(1);
      assertThat(Mails.subject(reminder)).startsWith("[Vigie] Rappel");
      assertThat(inReplyTo(reminder)).isEqualTo(firstId);
      assertThat(references(reminder)).isEqualTo(firstId);
      MimeMessage escalation = mails(cMail).get(0);
      assertThat(Mails.subject(escalation)).startsWith("[Vigie] Sans réponse");
      assertThat(inReplyTo(escalation)).isNull();
      String escalationId = escalation.getMessageID();

      clock.advance(Duration.ofHours(24).plusMinutes(1));
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(vMail).size() == 3 && mails(cMail).size() == 2);
      assertThat(inReplyTo(mails(vMail).get(2))).isEqualTo(firstId);
      assertThat(inReplyTo(mails(cMail).get(1))).as("the second escalation answers the first").isEqualTo(escalationId);
      assertThat(references(mails(cMail).get(1))).isEqualTo(escalationId);

      // the alert sent second in the first mail is resolved: each notice answers its recipient's first mail
      kafka.publish(Fixtures.resolvedFrom(second, clock.instant()));
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(vMail).size() == 4 && mails(cMail).size() == 3);
      assertThat(Mails.subject(mails(vMail).get(3))).startsWith("[Vigie] Résolu").contains(second.getRule().name());
      assertThat(inReplyTo(mails(vMail).get(3))).isEqualTo(firstId);
      assertThat(references(mails(vMail).get(3))).isEqualTo(firstId);
      assertThat(inReplyTo(mails(cMail).get(2))).isEqualTo(escalationId);

      // the case handed over to the coordinator: told of the alert as its follower, in the conversation they have
      kafka.publish(CaseAlert.newBuilder(lead).setAssignedVolunteerId(coordinator).setEmittedAt(clock.instant()).build());
      await().atMost(Duration.ofSeconds(60)).until(() -> pendingAlertRows(service, lead) == 1);
      clock.advance(Duration.ofMinutes(3));
      await().atMost(Duration.ofSeconds(60)).until(() -> mails(cMail).size() == 4);
      MimeMessage handedOver = mails(cMail).get(3);
      assertThat(Mails.plainText(handedOver)).contains("Ce dossier vient de vous être confié");
      assertThat(inReplyTo(handedOver)).isEqualTo(escalationId);
      // the hand-over's first cycle: its keys, hence its ids, name it
      assertThat(handedOver.getMessageID()).isEqualTo(NotificationKey.messageId(NotificationKey.of(lead.getAlertId(), 1,
          NotificationKind.ALERT, 0, NotificationChannel.EMAIL, coordinator), "vigie.test"));
    }
  }

  private static String messageId(CaseAlert alert, String recipient) {
    return NotificationKey.messageId(NotificationKey.of(alert.getAlertId(), NotificationKind.ALERT, 0,
        NotificationChannel.EMAIL, recipient), "vigie.test");
  }

  private static String inReplyTo(MimeMessage m) throws Exception {
    return m.getHeader("In-Reply-To", null);
  }

  private static String references(MimeMessage m) throws Exception {
    return m.getHeader("References", null);
  }

  private static int pendingAlertRows(NotifierService service, CaseAlert... alerts) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notification WHERE alert_id IN (<ids>)"
            + " AND kind = 'ALERT' AND state = 'PENDING'")
        .bindList("ids", java.util.Arrays.stream(alerts).map(CaseAlert::getAlertId).toList())
        .mapTo(Integer.class).one());
  }

  private static List<MimeMessage> mails(String address) {
    return Mails.to(SMTP, address);
  }
}
