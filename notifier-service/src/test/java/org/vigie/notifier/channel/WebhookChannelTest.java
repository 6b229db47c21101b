package org.vigie.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.notifier.ledger.NotificationKey;
import org.vigie.notifier.message.MessageComposer;
import org.vigie.notifier.message.Notice;
import org.vigie.notifier.testing.WebhookReceiver;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.WebhookFormat;

/** The webhook channel against real local HTTP peers, with the DNS answers chosen by the test. */
class WebhookChannelTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  /** TEST-NET-3 (RFC 5737): public for the policy, routed nowhere. */
  private static final String UNROUTABLE_PUBLIC = "203.0.113.1";
  private static final WebhookChannel.Limits FAST = new WebhookChannel.Limits(Duration.ofSeconds(1), Duration.ofSeconds(2), 4);

  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T opened(T c) {
    open.add(c);
    return c;
  }

  /** A DNS that answers {@code first} to the first question and {@code later} to every other one. */
  private static final class RebindingDns implements WebhookTargetPolicy.Resolver {
    final AtomicInteger questions = new AtomicInteger();
    private final String first;
    private final String later;

    RebindingDns(String first, String later) {
      this.first = first;
      this.later = later;
    }

    @Override
    public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
      String ip = questions.getAndIncrement() == 0 ? first : later;
      return new InetAddress[] {InetAddress.getByName(ip)};
    }
  }

  private WebhookChannel channel(WebhookTargetPolicy.Resolver dns, WebhookChannel.Limits limits) {
    return opened(new WebhookChannel(new WebhookTargetPolicy(dns), new MessageComposer(), new ObjectMapper(), limits));
  }

  @Test
  void aRebindingDnsCannotSteerTheConnectionToALocalReceiver() throws Exception {
    WebhookReceiver receiver = opened(new WebhookReceiver());
    TcpListener local = opened(TcpListener.silent());
    RebindingDns dns = new RebindingDns(UNROUTABLE_PUBLIC, "127.0.0.1");
    WebhookChannel channel = channel(dns, FAST);

    for (String url : List.of("https://rebind.example.org:" + local.port() + "/hook",
        "https://rebind.example.org:" + receiver.port() + "/hook")) {
      assertThatThrownBy(() -> channel.send(notice(url)))
          .isInstanceOfSatisfying(DeliveryException.class, e -> {
            // the vetted address was unreachable: worth retrying later, when DNS may have healed
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).startsWith("webhook unreachable").doesNotContain("rebind.example.org");
            assertThat(e.getCause()).isInstanceOf(IOException.class);
            assertThat(chain(e)).doesNotContain("127.0.0.1");
          });
      assertThat(dns.questions.get()).isEqualTo(1); // the check's answer only: nothing resolved the host again
      dns.questions.set(0);
    }
    assertThat(local.accepted()).isZero();
    assertThat(receiver.calls("/hook")).isEmpty();
  }

  @Test
  void theConnectionGoesOnlyToTheVettedAddress() throws Exception {
    // two receivers on the same port: the vetted one on 127.0.0.2, the one a second resolution would pick on 127.0.0.1
    WebhookReceiver rebound = opened(new WebhookReceiver());
    WebhookReceiver vetted = opened(new WebhookReceiver("127.0.0.2", rebound.port()));
    RebindingDns dns = new RebindingDns("127.0.0.2", "127.0.0.1");
    WebhookChannel channel = channel(dns, FAST);
    Notice notice = notice("http://receiver.test:" + vetted.port() + "/hook");

    channel.send(notice);

    assertThat(dns.questions.get()).isEqualTo(1);
    assertThat(rebound.calls("/hook")).isEmpty();
    assertThat(vetted.calls("/hook")).singleElement().satisfies(call -> {
      assertThat(call.header("Host")).isEqualTo("receiver.test:" + vetted.port());
      assertThat(call.header("Content-Type")).isEqualTo("application/json");
      assertThat(call.header("webhook-id")).isEqualTo(NotificationKey.webhookId(notice.row().key()));
      assertThat(call.header("webhook-timestamp")).isEqualTo(String.valueOf(notice.at().getEpochSecond()));
      assertThat(call.header("webhook-signature"))
          .isEqualTo(WebhookSigner.sign(SECRET, call.header("webhook-id"), notice.at().getEpochSecond(), call.body()));
      assertThat(call.body()).contains("\"rule\":\"API_EXPIRING\"").contains("\"alertId\":\"alert-1\"");
    });
  }

  @Test
  void aLoopbackUrlStillWorksAndKeepsItsConnection() throws Exception {
    WebhookReceiver receiver = opened(new WebhookReceiver());
    WebhookChannel channel = channel(InetAddress::getAllByName, FAST);
    for (int i = 0; i < 3; i++) {
      channel.send(notice(receiver.url("/hook")));
    }
    assertThat(receiver.calls("/hook")).hasSize(3);
  }

  @Test
  void anIpv6LoopbackLiteralIsReached() throws Exception {
    WebhookReceiver receiver;
    try {
      receiver = opened(new WebhookReceiver("::1", 0));
    } catch (UncheckedIOException e) {
      Assumptions.abort("no IPv6 loopback here");
      return;
    }
    WebhookChannel channel = channel(InetAddress::getAllByName, FAST);
    channel.send(notice("http://[::1]:" + receiver.port() + "/hook"));
    assertThat(receiver.calls("/hook")).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"200,", "202,", "204,", "301,true", "400,true", "404,true", "410,true", "408,false", "429,false",
      "500,false", "503,false"})
  void theAnswerDecidesBetweenDeliveredPermanentAndRetry(int status, Boolean permanent) throws Exception {
    WebhookReceiver receiver = opened(new WebhookReceiver());
    receiver.answer("/hook", status);
    WebhookChannel channel = channel(InetAddress::getAllByName, FAST);
    if (permanent == null) {
      channel.send(notice(receiver.url("/hook")));
    } else {
      assertThatThrownBy(() -> channel.send(notice(receiver.url("/hook"))))
          .isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isEqualTo(permanent);
            assertThat(e.getMessage()).isEqualTo("webhook answered " + status);
          });
    }
    assertThat(receiver.calls("/hook")).hasSize(1); // no redirect followed, no automatic retry
  }

  @Test
  void anAnswerTrickledSlowerThanTheDeadlineFailsAsTransient() throws Exception {
    TcpListener slow = opened(TcpListener.trickling());
    WebhookChannel channel = channel(InetAddress::getAllByName, FAST);
    long start = System.nanoTime();
    assertThatThrownBy(() -> channel.send(notice("http://127.0.0.1:" + slow.port() + "/hook")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.permanent()).isFalse();
          assertThat(e.getMessage()).contains("did not answer within 2 s");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(slow.accepted()).isEqualTo(1);
  }

  @Test
  void aPlainHttpPublicTargetIsRefusedBeforeAnyConnection() {
    RebindingDns dns = new RebindingDns(UNROUTABLE_PUBLIC, UNROUTABLE_PUBLIC);
    WebhookChannel channel = channel(dns, FAST);
    assertThatThrownBy(() -> channel.send(notice("http://plain.example.org/hook")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
  }

  private static String chain(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append('\n');
    }
    return all.toString();
  }

  @Test
  void aChatWebhookGetsTheMessageAsTextInTheVolunteersLanguage() throws Exception {
    WebhookReceiver receiver = opened(new WebhookReceiver());
    WebhookChannel channel = channel(InetAddress::getAllByName, FAST);
    Notice french = notice(receiver.url("/chat"), WebhookFormat.CHAT, "fr");
    channel.send(french);
    channel.send(notice(receiver.url("/chat"), WebhookFormat.CHAT, "en"));

    assertThat(receiver.calls("/chat")).hasSize(2);
    WebhookReceiver.Call fr = receiver.calls("/chat").get(0);
    JsonNode body = new ObjectMapper().readTree(fr.body());
    assertThat(body.size()).as("only the text a chat shows").isEqualTo(1);
    assertThat(body.get("text").asText()).startsWith("[Vigie] Vigie a détecté une situation")
        .contains("Avertissement · API bientôt expirée · dossier 8E7A1F00 · échéance 1er décembre 2026", "L'API expire bientôt.",
            "Brouillons prêts sous la chronologie du dossier", "Accuser réception : https://vigie.example/ack/TOKEN (jusqu'au 26 décembre 2026)")
        .doesNotContain("3f9a1c2b", "The API expires soon.");
    assertThat(fr.header("webhook-signature")).as("signed all the same")
        .isEqualTo(WebhookSigner.sign(SECRET, fr.header("webhook-id"), french.at().getEpochSecond(), fr.body()));
    assertThat(new ObjectMapper().readTree(receiver.calls("/chat").get(1).body()).get("text").asText())
        .contains("warning · API expiring · case 8E7A1F00 · deadline 1 December 2026", "The API expires soon.", "Acknowledge: ")
        .doesNotContain("L'API expire bientôt.");
  }

  static Notice notice(String webhookUrl) {
    return notice(webhookUrl, WebhookFormat.STANDARD, "fr");
  }

  static Notice notice(String webhookUrl, WebhookFormat format, String language) {
    AlertView alert = new AlertView("alert-1", "3f9a1c2b-7d4e-4a61-9b0f-2c5d8e7a1f00", "asso-1", RuleId.API_EXPIRING,
        Severity.WARNING, Instant.parse("2026-11-20T09:00:00Z"), LocalDate.parse("2026-12-01"), "vol-1",
        "CESEDA R.431-15-1", "2", "L'API expire bientôt.", "The API expires soon.", null, null, null, 0);
    LedgerRow row = new LedgerRow(1, "alert-1|ALERT|0|WEBHOOK|vol-1", "alert-1", NotificationKind.ALERT, 0,
        NotificationChannel.WEBHOOK, "vol-1", VolunteerRole.VOLUNTEER, "PENDING", 0, false,
        Instant.parse("2026-11-26T10:00:00Z"), null);
    Contact contact = new Contact("vol-1", "asso-1", "Amina", VolunteerRole.VOLUNTEER, null, webhookUrl, SECRET, true,
        ZoneId.of("Europe/Paris"), null, null, false, language, format, null, null);
    return new Notice(row, contact, List.of(new Notice.Item(alert, "https://vigie.example/ack/TOKEN",
        Instant.parse("2026-12-26T10:00:00Z"))), Instant.parse("2026-11-26T10:00:00Z"));
  }

  /** A TCP listener on 127.0.0.1 that counts connections; silent, or trickling an answer a byte at a time. */
  private static final class TcpListener implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    static TcpListener silent() {
      return new TcpListener(false);
    }

    static TcpListener trickling() {
      return new TcpListener(true);
    }

    private TcpListener(boolean trickle) {
      try {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            accepted.incrementAndGet();
            sockets.add(s);
            if (trickle) {
              Thread t = new Thread(() -> trickle(s), "webhook-test-trickle");
              t.setDaemon(true);
              t.start();
            }
          } catch (IOException e) {
            return;
          }
        }
      }, "webhook-test-listener");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    /** Sends a status line and headers that never end, one byte every 200 ms (below any read timeout). */
    private static void trickle(Socket s) {
      byte[] start = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
      try {
        OutputStream out = s.getOutputStream();
        for (int i = 0; !s.isClosed(); i++) {
          out.write(i < start.length ? start[i] : 'a');
          out.flush();
          Thread.sleep(200); // the peer's pace under test, not a synchronisation
        }
      } catch (IOException | InterruptedException e) {
        // the client gave up
      }
    }

    int port() {
      return server.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
