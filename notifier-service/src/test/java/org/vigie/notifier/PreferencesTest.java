package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
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

/** Quiet hours (CRITICAL passes) and the daily digest, in the volunteer's own time zone. */
class PreferencesTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  /** 23:30 UTC = 00:30 in Paris, inside the quiet hours of {@link QuietAtNight}. */
  private static final Instant AT_NIGHT = Instant.parse("2026-11-26T23:30:00Z");
  /** 07:00 in Paris is 06:00 UTC in November. */
  private static final Instant QUIET_HOURS_END = Instant.parse("2026-11-27T06:00:00Z");

  /** A volunteer with quiet hours from 22:00 to 07:00 in Paris, and the alerts raised for them. */
  private record QuietAtNight(String association, String volunteer) {
    QuietAtNight() {
      this(Fixtures.id("asso"), Fixtures.id("vol"));
    }

    String mail() {
      return volunteer + "@asso.test";
    }

    DirectoryEntry entry() {
      return Fixtures.volunteer(association, volunteer, mail())
          .setTimeZone("Europe/Paris").setQuietHoursStartMinute(22 * 60).setQuietHoursEndMinute(7 * 60).build();
    }

    CaseAlert raised(RuleId rule, Severity severity) {
      return Fixtures.raised(association, volunteer, rule, severity).build();
    }
  }

  @Test
  void quietHoursHoldNonCriticalAlertsUntilTheyEndButCriticalOnesPass() {
    TestClock clock = new TestClock(AT_NIGHT);
    QuietAtNight volunteer = new QuietAtNight();
    String mail = volunteer.mail();
    CaseAlert warning = volunteer.raised(RuleId.API_EXPIRING, Severity.WARNING);
    CaseAlert critical = volunteer.raised(RuleId.API_EXPIRED, Severity.CRITICAL);
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      kafka.publish(volunteer.entry());
      kafka.publish(warning);
      kafka.publish(critical);
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 1);
      assertThat(Mails.subject(Mails.to(SMTP, mail).get(0))).contains("API_EXPIRED");
      await().atMost(Duration.ofSeconds(60)).until(() -> QUIET_HOURS_END.equals(nextAttempt(service, warning)));
      assertThat(Mails.to(SMTP, mail)).hasSize(1);

      clock.set(QUIET_HOURS_END.plusSeconds(30));
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 2);
      assertThat(Mails.subject(Mails.to(SMTP, mail).get(1))).contains("API_EXPIRING");
    }
  }

  @Test
  void inQuietHoursAMessageOfSeveralAlertsTakesOnlyTheCriticalOnes() {
    // a settle of 5 s: the rows are all recorded before they are due
    TestClock clock = new TestClock(AT_NIGHT);
    QuietAtNight volunteer = new QuietAtNight();
    String mail = volunteer.mail();
    CaseAlert warning = volunteer.raised(RuleId.API_EXPIRING, Severity.WARNING);
    CaseAlert critical = volunteer.raised(RuleId.API_EXPIRED, Severity.CRITICAL);
    CaseAlert alsoCritical = volunteer.raised(RuleId.EMPLOYMENT_AT_RISK, Severity.CRITICAL);
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort())
            .with("VIGIE_NOTIFIER_SETTLE", "PT5S"), NotifierService.Options.defaults().withClock(clock))) {
      kafka.publish(volunteer.entry());
      kafka.publishAll(List.of(warning, critical, alsoCritical));
      await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of(warning, critical, alsoCritical)
          .allMatch(a -> nextAttempt(service, a) != null));

      clock.set(AT_NIGHT.plusSeconds(10));
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 1);
      MimeMessage sent = Mails.to(SMTP, mail).get(0);
      assertThat(Mails.subject(sent)).startsWith("[Vigie] Critique · 2 alertes, 2 dossiers");
      assertThat(Mails.ackLinks(sent)).hasSize(2);
      await().atMost(Duration.ofSeconds(60)).until(() -> QUIET_HOURS_END.equals(nextAttempt(service, warning)));
      assertThat(Mails.to(SMTP, mail)).hasSize(1);

      clock.set(QUIET_HOURS_END.plusSeconds(30));
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 2);
      assertThat(Mails.subject(Mails.to(SMTP, mail).get(1))).contains("[API_EXPIRING]");
    }
  }

  @Test
  void aDigestGroupsTheDaysNonCriticalAlertsAtTheConfiguredLocalTime() {
    // 05:00 UTC = 06:00 in Paris, before the 08:00 digest
    TestClock clock = new TestClock(Instant.parse("2026-11-27T05:00:00Z"));
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String mail = volunteer + "@asso.test";
    LocalDate later = LocalDate.of(2026, 12, 31);
    CaseAlert first = Fixtures.raised(association, volunteer, RuleId.RENEWAL_WINDOW_OPEN, Severity.INFO).setDeadline(later).build();
    CaseAlert second = Fixtures.raised(association, volunteer, RuleId.BLOCKAGE_UNRESOLVED, Severity.WARNING)
        .setDeadline(null).build();
    CaseAlert critical = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL).setDeadline(later).build();
    // due in a week (4 December, today the 27th in Paris): not held for the digest
    CaseAlert soon = Fixtures.raised(association, volunteer, RuleId.APPEAL_DEADLINE, Severity.HIGH)
        .setDeadline(LocalDate.of(2026, 12, 4)).build();
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, mail).setDailyDigest(true).build());
      kafka.publish(first);
      kafka.publish(second);
      kafka.publish(critical);
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 1);
      assertThat(Mails.subject(Mails.to(SMTP, mail).get(0))).contains("API_EXPIRED");
      kafka.publish(soon);
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 2);
      assertThat(Mails.subject(Mails.to(SMTP, mail).get(1))).contains("APPEAL_DEADLINE");
      await().atMost(Duration.ofSeconds(60)).until(() -> heldForDigest(service) == 2);

      clock.set(Instant.parse("2026-11-27T07:01:00Z"));
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 3);
      MimeMessage digest = Mails.to(SMTP, mail).get(2);
      assertThat(Mails.subject(digest)).contains("Récapitulatif").contains("2 alerte");
      String text = Mails.plainText(digest);
      assertThat(text).contains("RENEWAL_WINDOW_OPEN").contains("BLOCKAGE_UNRESOLVED").doesNotContain("API_EXPIRED (")
          .doesNotContain("APPEAL_DEADLINE");
      assertThat(text.split("/ack/", -1)).hasSize(5); // two links in French, two in English
      await().atMost(Duration.ofSeconds(60)).until(() -> states(service, first).contains("SENT") && states(service, second).contains("SENT"));
      // no second digest the same day
      clock.advance(Duration.ofHours(2));
      assertThat(heldForDigest(service)).isZero();
    }
  }

  @Test
  void anAlertComingAfterTheDigestTimeWaitsForTheNextDaysDigestEvenWithNoDigestToday() {
    // 12:00 UTC = 13:00 in Paris: past the 08:00 digest, and no digest was sent today
    TestClock clock = new TestClock(Instant.parse("2026-11-27T12:00:00Z"));
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String mail = volunteer + "@asso.test";
    CaseAlert info = Fixtures.raised(association, volunteer, RuleId.RENEWAL_WINDOW_OPEN, Severity.INFO)
        .setDeadline(LocalDate.of(2027, 1, 7)).build();
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()),
            NotifierService.Options.defaults().withClock(clock))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, mail).setDailyDigest(true).build());
      kafka.publish(info);
      await().atMost(Duration.ofSeconds(60)).until(() -> heldForDigest(service) == 1);
      clock.advance(Duration.ofHours(5));
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> Mails.to(SMTP, mail).isEmpty());

      // 08:01 in Paris the next day: the digest
      clock.set(Instant.parse("2026-11-28T07:01:00Z"));
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == 1);
      assertThat(Mails.subject(Mails.to(SMTP, mail).get(0))).contains("Récapitulatif").contains("1 alerte");
    }
  }

  static Instant nextAttempt(NotifierService service, CaseAlert alert) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT next_attempt_at FROM notification WHERE alert_id = :a")
        .bind("a", alert.getAlertId()).mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant).orElse(null));
  }

  static long heldForDigest(NotifierService service) {
    return service.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM notification WHERE digest AND state = 'PENDING' AND digest_id IS NULL").mapTo(Long.class).one());
  }

  static List<String> states(NotifierService service, CaseAlert alert) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT state FROM notification WHERE alert_id = :a")
        .bind("a", alert.getAlertId()).mapTo(String.class).list());
  }
}
