package org.vigie.platform.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks free loopback ports for servers that must be told their port before they start (the in-process broker
 * does not report the ports it bound).
 *
 * <p>The ports come from {@value #FIRST}–{@value #LAST}, below the ephemeral ranges of Linux (32768–60999), macOS
 * and Windows (49152–65535). A port the system hands out for "any port" is also the source port of the next
 * outgoing connection: between the pick and the server's bind, a connection to the broker or the database could
 * take it. Outside that range only a server asking for that very port can. Each pick in a process moves on from
 * the last one, so two picks never return the same port before the range wraps; the first pick starts at a
 * random place, so processes started together do not walk the same ports.
 */
public final class FreePorts {
  static final int FIRST = 20_000;
  static final int LAST = 32_767;
  private static final int COUNT = LAST - FIRST + 1;
  private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

  private FreePorts() {}

  public static int pick() {
    for (int tried = 0; tried < COUNT; tried++) {
      int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
      if (free(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
