package org.vigie.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinnedResolverTest {
  private final PinnedResolver resolver = new PinnedResolver();

  private static WebhookTarget target(String uri, String... ips) throws UnknownHostException {
    InetAddress[] addresses = new InetAddress[ips.length];
    for (int i = 0; i < ips.length; i++) {
      addresses[i] = InetAddress.getByName(ips[i]);
    }
    return new WebhookTarget(URI.create(uri), List.of(addresses));
  }

  @Test
  void thePinnedHostResolvesToItsVettedAddressesOnly() throws Exception {
    try (PinnedResolver.Pin pin = resolver.pin(target("https://Hooks.Example.org/x", "203.0.114.10", "203.0.114.11"))) {
      assertThat(resolver.resolve("hooks.example.org")).extracting(InetAddress::getHostAddress)
          .containsExactly("203.0.114.10", "203.0.114.11");
      assertThat(resolver.resolve("HOOKS.example.org", 443)).hasSize(2);
      assertThatThrownBy(() -> resolver.resolve("metadata.example.org")).isInstanceOf(UnknownHostException.class);
    }
  }

  @Test
  void nothingResolvesOutsideAPinnedSendNorInAnotherThread() throws Exception {
    assertThatThrownBy(() -> resolver.resolve("hooks.example.org")).isInstanceOf(UnknownHostException.class);
    try (PinnedResolver.Pin pin = resolver.pin(target("https://hooks.example.org/x", "203.0.114.10"))) {
      Throwable[] other = new Throwable[1];
      Thread t = new Thread(() -> {
        try {
          resolver.resolve("hooks.example.org");
        } catch (UnknownHostException e) {
          other[0] = e;
        }
      });
      t.start();
      t.join();
      assertThat(other[0]).isInstanceOf(UnknownHostException.class);
    }
    assertThatThrownBy(() -> resolver.resolve("hooks.example.org")).isInstanceOf(UnknownHostException.class);
  }

  @Test
  void anIpv6LiteralMatchesWithOrWithoutBrackets() throws Exception {
    try (PinnedResolver.Pin pin = resolver.pin(target("http://[::1]:8080/x", "::1"))) {
      assertThat(resolver.resolve("[::1]")).hasSize(1);
      assertThat(resolver.resolve("::1")).hasSize(1);
    }
  }
}
