package org.vigie.notifier.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigie.notifier.NotifierService;
import org.vigie.notifier.channel.ObservedChannel;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.platform.bench.ScratchDirectory;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.db.EmbeddedDatabase;
import org.vigie.platform.kafka.EmbeddedKafkaBroker;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.DirectoryEntryKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.topics.Topics;

/**
 * Alert → SMTP-accepted latency of the notifier at a steady rate, against an in-process Kafka
 * broker, embedded PostgreSQL and an in-process SMTP server (GreenMail). Latency runs from just
 * before the alert is produced to the moment the SMTP server accepted the email (end of DATA),
 * so it includes Kafka, the ledger transaction, the dispatcher and SMTP.
 *
 * <p>Options: {@code --rate N} alerts per second (100), {@code --seconds N} measured (30),
 * {@code --warmup N} alerts not counted (200), {@code --volunteers N} (100).
 */
public final class NotifierBench {
  private NotifierBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, Integer> opts = options(args);
    int rate = opts.getOrDefault("rate", 100);
    int seconds = opts.getOrDefault("seconds", 30);
    int warmup = opts.getOrDefault("warmup", 200);
    int volunteerCount = opts.getOrDefault("volunteers", 100);
    int total = warmup + rate * seconds;

    ScratchDirectory scratch = ScratchDirectory.create("vigie-notifier-bench");
    Path dir = scratch.path();
    Map<String, Long> producedAt = new ConcurrentHashMap<>();
    Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    System.out.printf("notifier bench: %d alerts/s for %d s (+%d warm-up), %d volunteers%n", rate, seconds, warmup, volunteerCount);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir);
        EmbeddedDatabase db = EmbeddedDatabase.start(null)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers());
      new TopicProvisioner(kafka, (short) 1).ensure(Topics.all());
      int smtpPort = FreePorts.pick();
      GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      Config config = Config.of(Map.of(
          ConfigNames.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
          ConfigNames.VIGIE_DB_URL, db.jdbcUrl(),
          ConfigNames.SMTP_HOST, "127.0.0.1",
          ConfigNames.SMTP_PORT, String.valueOf(smtpPort),
          ConfigNames.SMTP_FROM, "vigie@vigie.bench",
          "VIGIE_NOTIFIER_HTTP_PORT", "0",
          NotifierSettings.VIGIE_NOTIFIER_SETTLE, "PT0S"));
      NotifierService.Options options = NotifierService.Options.defaults().withChannelDecorator(delegate ->
          new ObservedChannel(delegate, notice -> {
            long now = System.nanoTime();
            notice.items().forEach(item -> acceptedAt.putIfAbsent(item.alert().alertId(), now)); // several when sent together
          }));
      try (NotifierService service = NotifierService.start(config, options);
          KafkaProducer<String, DirectoryEntry> directory = new KafkaProducer<>(kafka.producer("bench-directory"),
              new StringSerializer(), Topics.DIRECTORY.valueSerde().serializer());
          KafkaProducer<String, CaseAlert> alerts = new KafkaProducer<>(kafka.producer("bench-alerts"),
              new StringSerializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
        String association = "bench-" + UUID.randomUUID();
        List<String> volunteers = new ArrayList<>();
        for (int i = 0; i < volunteerCount; i++) {
          String id = "vol-" + i + "-" + UUID.randomUUID();
          volunteers.add(id);
          directory.send(new ProducerRecord<>(Topics.DIRECTORY.name(), id, volunteer(association, id)));
        }
        directory.flush();
        waitUntil(Duration.ofSeconds(60), () -> service.jdbi().withHandle(h ->
            h.createQuery("SELECT count(*) FROM directory_entry").mapTo(Long.class).one()) == volunteerCount);

        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
          long due = start + i * periodNanos;
          long wait;
          while ((wait = due - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000));
          }
          CaseAlert alert = alert(association, volunteers.get(i % volunteerCount));
          ids.add(alert.getAlertId());
          producedAt.put(alert.getAlertId(), System.nanoTime());
          alerts.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), alert.getCaseId(), alert));
        }
        double producedSeconds = (System.nanoTime() - start) / 1e9;
        boolean complete = waitUntil(Duration.ofSeconds(120), () -> acceptedAt.size() >= total);

        long[] latencies = ids.subList(warmup, ids.size()).stream()
            .filter(acceptedAt::containsKey)
            .mapToLong(id -> acceptedAt.get(id) - producedAt.get(id))
            .sorted()
            .toArray();
        System.out.printf("produced %d alerts in %.1f s (%.1f alerts/s); delivered %d/%d%s%n", total, producedSeconds,
            total / producedSeconds, acceptedAt.size(), total, complete ? "" : " (INCOMPLETE)");
        System.out.printf("SMTP server received %d messages%n", smtp.getReceivedMessages().length);
        System.out.printf("alert -> SMTP accepted latency over %d alerts: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            latencies.length, ms(percentile(latencies, 50)), ms(percentile(latencies, 90)), ms(percentile(latencies, 99)),
            ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
        service.jdbi().useHandle(h -> h.createQuery("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.created_at - a.raised_at)) * 1000,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM n.created_at - a.raised_at)) * 1000,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.sent_at - n.created_at)) * 1000,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM n.sent_at - n.created_at)) * 1000
                FROM notification n JOIN alert a USING (alert_id)""")
            .map((rs, ctx) -> String.format(
                "breakdown: alert -> ledger row p50 %.1f ms, p99 %.1f ms; ledger row -> sent p50 %.1f ms, p99 %.1f ms",
                rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
            .findOne()
            .ifPresent(System.out::println));
      } finally {
        smtp.stop();
      }
    } finally {
      scratch.close(); // the broker's log, as the other benches
    }
  }

  private static DirectoryEntry volunteer(String association, String id) {
    return DirectoryEntry.newBuilder()
        .setKind(DirectoryEntryKind.VOLUNTEER)
        .setAssociationId(association)
        .setVolunteerId(id)
        .setDisplayName(id)
        .setRole(VolunteerRole.VOLUNTEER)
        .setEmail(id + "@bench.test")
        .setUpdatedAt(Instant.now())
        .build();
  }

  private static CaseAlert alert(String association, String volunteer) {
    Instant now = Instant.now();
    return CaseAlert.newBuilder()
        .setAlertId(UUID.randomUUID().toString())
        .setCaseId(UUID.randomUUID().toString())
        .setAssociationId(association)
        .setRule(RuleId.API_EXPIRED)
        .setSeverity(Severity.CRITICAL)
        .setStatus(AlertStatus.RAISED)
        .setEpisodeStart(LocalDate.now())
        .setRaisedAt(now)
        .setEmittedAt(now)
        .setAssignedVolunteerId(volunteer)
        .setReference("CESEDA R.431-15-1")
        .setTextVersionDate(LocalDate.parse("2025-01-01"))
        .setRuleVersion("bench")
        .setMessage(new AlertMessage("L'API a expiré.", "The API expired."))
        .build();
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static boolean waitUntil(Duration timeout, Condition condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return condition.holds();
  }

  private static Map<String, Integer> options(String[] args) {
    Map<String, Integer> out = new HashMap<>();
    java.util.Set<String> known = java.util.Set.of("rate", "seconds", "warmup", "volunteers");
    String usage = "usage: [--rate N] [--seconds N] [--warmup N] [--volunteers N] (N ≥ 1, warmup ≥ 0), got "
        + Arrays.toString(args);
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException(usage);
    }
    for (int i = 0; i + 1 < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(name)) {
        throw new IllegalArgumentException(usage);
      }
      int value = Integer.parseInt(args[i + 1]);
      if (value < (name.equals("warmup") ? 0 : 1)) {
        throw new IllegalArgumentException(usage);
      }
      out.put(name, value);
    }
    return out;
  }
}
