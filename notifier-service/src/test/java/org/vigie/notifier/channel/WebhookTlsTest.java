package org.vigie.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.notifier.message.MessageComposer;

/**
 * HTTPS to a pinned address: the connection goes to the vetted address while TLS sends the URL's
 * host name (SNI) and checks the certificate against it. A real HTTPS server on 127.0.0.1 with a
 * certificate for {@code webhook.test} made by keytool; the client trusts that certificate only.
 */
class WebhookTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir
  static Path dir;
  private static HttpsServer server;
  private static SSLContext clientTls;
  private static final List<String> serverNames = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path store = dir.resolve("server.p12");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process keytool = new ProcessBuilder(Path.of(java).resolveSibling("keytool").toString(), "-genkeypair",
        "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=webhook.test",
        "-ext", "san=dns:webhook.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("hook", keys.getCertificate("hook"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext("/", exchange -> {
      SSLSession session = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
      List<String> sni = ((ExtendedSSLSession) session).getRequestedServerNames().stream()
          .map(n -> n instanceof SNIHostName h ? h.getAsciiName() : n.toString()).toList();
      serverNames.add("SNI " + sni + " Host " + exchange.getRequestHeaders().getFirst("Host"));
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  /** A channel whose DNS answers 127.0.0.1 for every name (loopback is allowed over HTTPS too). */
  private static WebhookChannel channel() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
    return new WebhookChannel(policy, new MessageComposer(), new ObjectMapper(),
        new WebhookChannel.Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 2), clientTls);
  }

  @Test
  void theCertificateIsCheckedAgainstTheUrlsHostWhileConnectingToTheVettedAddress() throws Exception {
    serverNames.clear();
    try (WebhookChannel channel = channel()) {
      channel.send(WebhookChannelTest.notice("https://webhook.test:" + server.getAddress().getPort() + "/hook"));
      channel.send(WebhookChannelTest.notice("https://webhook.test:" + server.getAddress().getPort() + "/hook"));
    }
    assertThat(serverNames).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("SNI [webhook.test] Host webhook.test:"));
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    serverNames.clear();
    try (WebhookChannel channel = channel()) {
      assertThatThrownBy(() -> channel.send(
          WebhookChannelTest.notice("https://elsewhere.test:" + server.getAddress().getPort() + "/hook")))
          .isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLException.class);
          });
    }
    assertThat(serverNames).isEmpty();
  }
}
