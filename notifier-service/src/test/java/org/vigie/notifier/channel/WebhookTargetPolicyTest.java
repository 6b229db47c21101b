package org.vigie.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetPolicyTest {
  private static WebhookTargetPolicy resolvingTo(String ip) {
    return new WebhookTargetPolicy(host -> new InetAddress[] {InetAddress.getByName(ip)});
  }

  @Test
  void httpsToAPublicAddressIsAllowed() throws Exception {
    WebhookTarget target = resolvingTo("203.0.114.10").check("https://chat.example.org/hook");
    assertThat(target.uri().getHost()).isEqualTo("chat.example.org");
    assertThat(target.addresses()).extracting(InetAddress::getHostAddress).containsExactly("203.0.114.10");
  }

  @Test
  void theTargetCarriesExactlyTheAddressesThatWereChecked() throws Exception {
    int[] calls = {0};
    WebhookTargetPolicy policy = new WebhookTargetPolicy(host -> {
      calls[0]++;
      return new InetAddress[] {InetAddress.getByName("203.0.114.10"), InetAddress.getByName("2001:4860::8888")};
    });
    WebhookTarget target = policy.check("https://Chat.Example.org/hook");
    assertThat(calls[0]).isEqualTo(1);
    assertThat(target.host()).isEqualTo("chat.example.org");
    assertThat(target.addresses()).extracting(InetAddress::getHostAddress)
        .containsExactly("203.0.114.10", "2001:4860:0:0:0:0:0:8888");
  }

  @Test
  void plainHttpIsAllowedOnlyToLoopback() throws Exception {
    assertThat(resolvingTo("127.0.0.1").check("http://localhost:9000/hook")).isNotNull();
    assertThat(resolvingTo("::1").check("http://localhost:9000/hook")).isNotNull();
    assertThatThrownBy(() -> resolvingTo("203.0.114.10").check("http://chat.example.org/hook"))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue())
        .hasMessageContaining("https");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.1.2.3", "172.16.0.5", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
      "fd00::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1", "::10.0.0.1", "64:ff9b::a00:1", "64:ff9b::7f00:1",
      "64:ff9b:1::cb00:7201", "2002:a00:1::1", "2002:a9fe:a9fe::1"})
  void privateAndReservedAddressesAreRefused(String ip) {
    assertThatThrownBy(() -> resolvingTo(ip).check("https://inside.example.org/hook"))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"64:ff9b::cb00:720a", "2002:cb00:720a::1", "2001:4860::8888"})
  void publicAddressesEmbeddedInIpv6AreAllowed(String ip) throws Exception {
    assertThat(resolvingTo(ip).check("https://outside.example.org/hook").addresses()).hasSize(1);
  }

  @Test
  void anEmptyAnswerIsATransientFailureNotATargetWithoutAddresses() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(host -> new InetAddress[0]);
    assertThatThrownBy(() -> policy.check("https://empty.example.org/x"))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
  }

  @Test
  void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(host -> new InetAddress[] {
        InetAddress.getByName("203.0.114.10"), InetAddress.getByName("10.0.0.1")});
    assertThatThrownBy(() -> policy.check("https://mixed.example.org/hook")).isInstanceOf(DeliveryException.class);
  }

  @Test
  void malformedUrlsOtherSchemesAndCredentialsAreRefused() {
    WebhookTargetPolicy policy = resolvingTo("203.0.114.10");
    for (String url : new String[] {"ftp://example.org/x", "https://user:pw@example.org/x", "https:///nohost", "not a url"}) {
      assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOf(DeliveryException.class);
    }
  }

  @Test
  void anUnresolvableHostIsATransientFailure() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(host -> {
      throw new UnknownHostException(host);
    });
    assertThatThrownBy(() -> policy.check("https://gone.example.org/x"))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
  }
}
