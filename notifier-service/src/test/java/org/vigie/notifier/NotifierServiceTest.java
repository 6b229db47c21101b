package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.notifier.ledger.NotificationKey;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.platform.config.Config;
import org.vigie.platform.testing.SharedPostgres;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

class NotifierServiceTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private static Harness kafka;

  @BeforeAll
  static void producers() {
    kafka = new Harness();
  }

  @AfterAll
  static void closeProducers() {
    kafka.close();
  }

  @Test
  void oneAlertGivesOneEmailToTheAssignedVolunteer() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String other = Fixtures.id("vol");
    CaseAlert alert = Fixtures.raised(association, volunteer, RuleId.PERMIT_EXPIRED_WITHOUT_API, Severity.CRITICAL).build();

    try (NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, "amina@asso.test").build());
      kafka.publish(Fixtures.volunteer(association, other, "other@asso.test").build());
      kafka.publish(Fixtures.coordinator(association, Fixtures.id("coord"), "coord@asso.test").build());
      kafka.publish(alert);
      await().atMost(Duration.ofSeconds(60)).until(() -> SMTP.getReceivedMessages().length == 1);
      MimeMessage mail = SMTP.getReceivedMessages()[0];
      assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("amina@asso.test");
      assertThat(mail.getSubject()).contains("PERMIT_EXPIRED_WITHOUT_API").contains("Critique");
      String key = NotificationKey.of(alert.getAlertId(), org.vigie.schemas.NotificationKind.ALERT, 0,
          org.vigie.schemas.NotificationChannel.EMAIL, volunteer);
      assertThat(mail.getMessageID()).isEqualTo(NotificationKey.messageId(key, "vigie.test"));
      assertThat(mail.getContentType()).startsWith("multipart/alternative");
      String body = GreenMailUtil.getBody(mail);
      assertThat(body).contains("text/plain").contains("text/html");
      String text = Mails.plainText(mail);
      assertThat(text.indexOf("Bonjour")).isLessThan(text.indexOf("Hello")).isGreaterThanOrEqualTo(0);
      String compact = alert.getCaseId().replace("-", "");
      assertThat(text).as("the case's short reference, the end of its id").contains("Dossier\u00A0: " + compact.substring(compact.length() - 8).toUpperCase())
          .doesNotContain(alert.getCaseId())
          .contains("http://127.0.0.1:8081/ack/");
      // French punctuation kept with its word by non-breaking spaces, carried by the UTF-8 part in 7-bit mail
      jakarta.mail.internet.MimeBodyPart plain = (jakarta.mail.internet.MimeBodyPart)
          ((jakarta.mail.internet.MimeMultipart) mail.getContent()).getBodyPart(0);
      assertThat(plain.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
      assertThat(plain.getEncoding()).isIn("quoted-printable", "base64");
      assertThat(text).contains("Gravité\u00A0: Critique", "Accuser réception\u00A0: http://127.0.0.1:8081/ack/")
          .contains("Severity: Critical").doesNotContain("Gravité :");
      assertThat(SMTP.getReceivedMessages()).hasSize(1);
      assertThat(service.port()).isPositive();
    }
  }

  @Test
  void alertsRaisedTogetherForOneVolunteerComeInOneEmailMostSevereFirst() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String other = Fixtures.id("vol");
    List<CaseAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CaseAlert expiring = Fixtures.raised(association, volunteer, RuleId.API_EXPIRING, Severity.WARNING).build();
      alerts.add(expiring);
      alerts.add(Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL)
          .setCaseId(expiring.getCaseId()).build());
    }
    alerts.add(Fixtures.raised(association, other, RuleId.API_EXPIRED, Severity.CRITICAL).build());
    // a short settle: the alerts are all recorded before the first of them is due
    try (NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort())
        .with("VIGIE_NOTIFIER_SETTLE", "PT5S"))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, "nadia@asso.test").build());
      kafka.publish(Fixtures.volunteer(association, other, "omar@asso.test").build());
      kafka.publishAll(alerts);
      await().atMost(Duration.ofSeconds(60)).until(() -> alerts.stream().allMatch(a -> sentRows(service, a) == 1));

      List<MimeMessage> toVolunteer = Mails.to(SMTP, "nadia@asso.test");
      assertThat(toVolunteer).as("twelve alerts, one mail").hasSize(1);
      MimeMessage mail = toVolunteer.get(0);
      assertThat(mail.getSubject()).isEqualTo("[Vigie] Critique · 12 alertes, 6 dossiers / critical · 12 alerts, 6 cases");
      assertThat(Mails.ackLinks(mail)).as("one ack link per alert").hasSize(12).doesNotHaveDuplicates();
      String text = Mails.plainText(mail);
      assertThat(text).contains("Vigie a détecté 12 situations");
      List<String> severities = java.util.regex.Pattern.compile("Gravité\u00A0: (\\S+)").matcher(text).results()
          .map(r -> r.group(1)).toList();
      assertThat(severities).containsExactly("Critique", "Critique", "Critique", "Critique", "Critique", "Critique",
          "Avertissement", "Avertissement", "Avertissement", "Avertissement", "Avertissement", "Avertissement");
      assertThat(Mails.to(SMTP, "omar@asso.test")).as("another volunteer's alert, its own mail").singleElement()
          .satisfies(m -> assertThat(m.getSubject()).contains("[API_EXPIRED]"));
    }
  }

  @Test
  void theSameAlertConsumedTwiceGivesOneEmail() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    CaseAlert alert = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL).build();
    String db = SharedPostgres.newDatabaseUrl();
    int port = SMTP.getSmtp().getPort();
    var start = Harness.endOffsets();

    try (NotifierService service = NotifierService.start(Harness.config(port, db, Harness.groupAt(start)))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, "karim@asso.test").build());
      kafka.publish(alert);
      kafka.publish(alert);
      await().atMost(Duration.ofSeconds(60)).until(() -> SMTP.getReceivedMessages().length == 1);
      await().atMost(Duration.ofSeconds(60)).until(() -> ledgerRows(service, alert) == 1
          && service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox").mapTo(Long.class).one()) == 0);
    }
    // a replay: a new consumer group reads the topics again from the same point into the same ledger
    try (NotifierService replay = NotifierService.start(Harness.config(port, db, Harness.groupAt(start)))) {
      String marker = Fixtures.id("vol");
      kafka.publish(Fixtures.volunteer(association, marker, "marker@asso.test").build());
      CaseAlert after = Fixtures.raised(association, marker, RuleId.API_EXPIRED, Severity.CRITICAL).build();
      kafka.publish(after);
      // the replayed consumer has read past the duplicates once the later alert is delivered
      await().atMost(Duration.ofSeconds(60)).until(() -> SMTP.getReceivedMessages().length == 2);
      assertThat(ledgerRows(replay, alert)).isEqualTo(1);
      assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
          .containsExactlyInAnyOrder("karim@asso.test", "marker@asso.test");
    }
  }

  @Test
  void anAlertBeforeItsVolunteerIsKnownWaitsForTheDirectoryAndAnUnknownAssigneeGoesToTheCoordinator() {
    String association = Fixtures.id("asso");
    String late = Fixtures.id("vol");
    String coordinator = Fixtures.id("coord");
    CaseAlert early = Fixtures.raised(association, late, RuleId.API_NOT_ISSUED, Severity.HIGH).build();
    CaseAlert orphan = Fixtures.raised(association, Fixtures.id("nobody"), RuleId.CCC_UNANSWERED, Severity.WARNING).build();
    try (NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()))) {
      kafka.publish(early);
      await().atMost(Duration.ofSeconds(60)).until(() -> service.jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM alert WHERE alert_id = :a AND NOT routed").bind("a", early.getAlertId()).mapTo(Long.class).one()) == 1);
      kafka.publish(Fixtures.volunteer(association, late, late + "@asso.test").build());
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, late + "@asso.test").size() == 1);

      kafka.publish(Fixtures.coordinator(association, coordinator, coordinator + "@asso.test").build());
      kafka.publish(orphan);
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, coordinator + "@asso.test").size() == 1);
      assertThat(Mails.subject(Mails.to(SMTP, coordinator + "@asso.test").get(0))).contains("CCC_UNANSWERED");
    }
  }

  @Test
  void aTombstoneRemovesTheVolunteerFromTheDirectoryCopy() {
    String association = Fixtures.id("asso");
    String leaving = Fixtures.id("vol");
    String coordinator = Fixtures.id("coord");
    try (NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()))) {
      kafka.publish(Fixtures.volunteer(association, leaving, leaving + "@asso.test").build());
      kafka.publish(Fixtures.coordinator(association, coordinator, coordinator + "@asso.test").build());
      await().atMost(Duration.ofSeconds(60)).until(() -> directoryRows(service, association) == 2);
      kafka.tombstone(leaving);
      await().atMost(Duration.ofSeconds(60)).until(() -> directoryRows(service, association) == 1);
      kafka.publish(Fixtures.raised(association, leaving, RuleId.API_EXPIRED, Severity.CRITICAL).build());
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, coordinator + "@asso.test").size() == 1);
      assertThat(Mails.to(SMTP, leaving + "@asso.test")).isEmpty();
    }
  }

  static long directoryRows(NotifierService service, String association) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM directory_entry WHERE association_id = :a")
        .bind("a", association).mapTo(Long.class).one());
  }

  static long sentRows(NotifierService s, CaseAlert alert) {
    return s.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notification WHERE alert_id = :a AND state = 'SENT'")
        .bind("a", alert.getAlertId()).mapTo(Long.class).one());
  }

  static long ledgerRows(NotifierService service, CaseAlert alert) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notification WHERE alert_id = :a")
        .bind("a", alert.getAlertId()).mapTo(Long.class).one());
  }
}
