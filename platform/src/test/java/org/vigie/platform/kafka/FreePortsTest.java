package org.vigie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void picksDistinctBindablePortsBelowTheEphemeralRanges() throws Exception {
    Set<Integer> picked = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = FreePorts.pick();
      assertThat(port).isBetween(FreePorts.FIRST, FreePorts.LAST).isLessThan(32_768);
      assertThat(picked.add(port)).as("port %d picked twice", port).isTrue();
    }
    int port = FreePorts.pick();
    try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(server.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void skipsAPortAServerHolds() throws Exception {
    int last = FreePorts.pick();
    int following = last == FreePorts.LAST ? FreePorts.FIRST : last + 1;
    try (ServerSocket server = new ServerSocket(following, 1, InetAddress.getLoopbackAddress())) {
      int next = FreePorts.pick();
      assertThat(next).isNotEqualTo(server.getLocalPort());
    }
  }
}
