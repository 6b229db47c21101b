package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigie.notifier.testing.CrashingNotifier;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.platform.testing.SharedPostgres;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/** Crashes, outages and volume, on the real broker, database and SMTP server. */
class ReliabilityTest {

  @Test
  void aProcessKilledBetweenTheSmtpSendAndTheLedgerUpdateSendsTheMailAgainAfterRestartAtMostTwice() throws Exception {
    int smtpPort = FreePorts.pick();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    CaseAlert alert = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL).build();
    String db = SharedPostgres.newDatabaseUrl();
    String group = Harness.groupAt(Harness.endOffsets());
    Config config = Harness.config(smtpPort, db, group);
    try (Harness kafka = new Harness()) {
      kafka.publish(Fixtures.volunteer(association, volunteer, volunteer + "@asso.test").build());
      kafka.publish(alert);

      Process child = childJvm(CrashingNotifier.class, env(config));
      assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("child notifier exits").isTrue();
      assertThat(child.exitValue()).isEqualTo(CrashingNotifier.EXIT_CODE);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      // read before the restart: the restarted dispatcher may send again at once
      assertThat(statesIn(db, alert)).as("the halted process updated nothing").containsExactly("PENDING");

      try (NotifierService restarted = NotifierService.start(config)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> states(restarted, alert).equals(List.of("SENT")));
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getMessageID()).isEqualTo(mails[1].getMessageID());
        assertThat(NotifierServiceTest.ledgerRows(restarted, alert)).isEqualTo(1);
      }
    } finally {
      smtp.stop();
    }
  }

  @Test
  void everyNotificationIsDeliveredOnceAfterAnSmtpOutage() throws Exception {
    int smtpPort = FreePorts.pick();
    ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail smtp = new GreenMail(setup);
    smtp.start();
    String association = Fixtures.id("asso");
    List<String> volunteers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      volunteers.add(Fixtures.id("vol"));
    }
    List<CaseAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      alerts.add(Fixtures.raised(association, volunteers.get(i % 5), RuleId.API_EXPIRED, Severity.CRITICAL).build());
    }
    Config config = Harness.fromNow(smtpPort).with("VIGIE_NOTIFIER_MAX_ATTEMPTS", "100");
    try (Harness kafka = new Harness(); NotifierService service = NotifierService.start(config)) {
      for (String v : volunteers) {
        kafka.publish(Fixtures.volunteer(association, v, v + "@asso.test").build());
      }
      smtp.stop();
      kafka.publishAll(alerts);
      // the outage lasts one minute (the issue's figure), and until every notification has failed at least three times
      await().pollDelay(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(180))
          .until(() -> minAttempts(service) >= 3 && rows(service) == 20);
      assertThat(up(smtpPort)).isFalse();
      assertThat(service.metrics().count("vigie.notifier.retried", org.vigie.schemas.NotificationChannel.EMAIL))
          .isGreaterThanOrEqualTo(60.0);
      smtp = new GreenMail(setup);
      smtp.start();
      GreenMail up = smtp;
      await().atMost(Duration.ofSeconds(120)).until(() -> caseRefs(up.getReceivedMessages()).size() >= 20 && sent(service) == 20);
      MimeMessage[] mails = up.getReceivedMessages();
      assertThat(caseRefs(mails)).as("each alert in one mail, once").hasSize(20).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(alerts.stream().map(ReliabilityTest::shortReference).toList());
      assertThat(Arrays.stream(mails).map(ReliabilityTest::messageId).distinct()).hasSize(mails.length);
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aThousandAlertsAcrossAHundredVolunteersGiveExactlyAThousandRowsEachMailedOnce() throws Exception {
    int smtpPort = FreePorts.pick();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String association = Fixtures.id("asso");
    List<String> volunteers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      volunteers.add(Fixtures.id("vol"));
    }
    List<CaseAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      alerts.add(Fixtures.raised(association, volunteers.get(i % 100), RuleId.API_EXPIRING, Severity.WARNING).build());
    }
    try (Harness kafka = new Harness(); NotifierService service = NotifierService.start(Harness.fromNow(smtpPort))) {
      kafka.publishDirectory(volunteers.stream().map(v -> Fixtures.volunteer(association, v, v + "@asso.test").build()).toList());
      kafka.publishAll(alerts);
      await().atMost(Duration.ofSeconds(150)).until(() -> sent(service) == 1_000);
      await().atMost(Duration.ofSeconds(30)).until(() -> caseRefs(smtp.getReceivedMessages()).size() == 1_000);
      assertThat(rows(service)).isEqualTo(1_000);
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(caseRefs(mails)).as("each alert in one mail, once").doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(alerts.stream().map(ReliabilityTest::shortReference).toList());
      assertThat(Arrays.stream(mails).map(ReliabilityTest::messageId).distinct()).hasSize(mails.length);
      Map<String, Integer> perVolunteer = Arrays.stream(mails).collect(Collectors.groupingBy(ReliabilityTest::recipient,
          Collectors.summingInt(m -> caseRefs(new MimeMessage[] {m}).size())));
      assertThat(perVolunteer).hasSize(100).allSatisfy((to, count) -> assertThat(count).isEqualTo(10));
      assertThat(mails.length).as("a volunteer's alerts due together share a mail").isLessThan(1_000);
    } finally {
      smtp.stop();
    }
  }

  private static boolean up(int port) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static long rows(NotifierService s) {
    return s.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notification").mapTo(Long.class).one());
  }

  private static long sent(NotifierService s) {
    return s.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notification WHERE state = 'SENT'").mapTo(Long.class).one());
  }

  private static int minAttempts(NotifierService s) {
    return s.jdbi().withHandle(h -> h.createQuery("SELECT coalesce(min(attempts), 0) FROM notification").mapTo(Integer.class).one());
  }

  private static List<String> statesIn(String databaseUrl, CaseAlert alert) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(databaseUrl);
        java.sql.PreparedStatement q = c.prepareStatement("SELECT state FROM notifier.notification WHERE alert_id = ?")) {
      q.setString(1, alert.getAlertId());
      List<String> states = new ArrayList<>();
      try (java.sql.ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          states.add(rs.getString(1));
        }
      }
      return states;
    }
  }

  static List<String> states(NotifierService s, CaseAlert alert) {
    return s.jdbi().withHandle(h -> h.createQuery("SELECT state FROM notification WHERE alert_id = :a")
        .bind("a", alert.getAlertId()).mapTo(String.class).list());
  }

  /** The short case references the mails are about, one per alert item (the French part names each once). */
  private static List<String> caseRefs(MimeMessage[] mails) {
    return Arrays.stream(mails).flatMap(m -> Pattern.compile("Dossier\u00A0: ([0-9A-F]{8})\\R").matcher(Mails.plainText(m))
        .results().map(r -> r.group(1))).toList();
  }

  private static String shortReference(CaseAlert alert) {
    String compact = alert.getCaseId().replace("-", "");
    return compact.substring(compact.length() - 8).toUpperCase();
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> env(Config config) {
    Map<String, String> env = new HashMap<>();
    for (String name : List.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, ConfigNames.VIGIE_DB_URL, ConfigNames.SMTP_HOST,
        ConfigNames.SMTP_PORT, ConfigNames.SMTP_FROM, ConfigNames.VIGIE_PUBLIC_URL, "VIGIE_NOTIFIER_HTTP_PORT",
        "VIGIE_NOTIFIER_GROUP_ID", "VIGIE_NOTIFIER_RETRY_BASE", "VIGIE_NOTIFIER_RETRY_MAX", "VIGIE_NOTIFIER_SETTLE")) {
      config.optional(name).ifPresent(v -> env.put(name, v));
    }
    env.put(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers());
    return env;
  }

  /** Starts a JVM running a main class of this test classpath, its output in a log file under target/. */
  static Process childJvm(Class<?> main, Map<String, String> env) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = Files.createTempFile(Files.createDirectories(Path.of("target")), "child-notifier", ".log");
    // a killed child leaves the native libraries it extracted in its temporary directory: keep them under target/
    Path tmp = Files.createDirectories(Path.of("target", "child-tmp"));
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.vigie.schemas",
        "-cp", classpath, main.getName());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

}
