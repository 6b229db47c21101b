package org.vigie.notifier.channel;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go: HTTPS to public addresses; plain HTTP only to loopback (a local
 * receiver). Private, link-local, carrier-grade NAT, unique-local, multicast and unspecified
 * addresses are refused (also when embedded in an IPv6 address: IPv4-mapped, IPv4-compatible,
 * NAT64, 6to4) so that a webhook URL cannot reach the federation's internal network.
 *
 * <p>The host is resolved here, once per send; the allowed {@link WebhookTarget} carries the vetted
 * addresses so that the connection goes to them and not to what a second resolution would answer.
 */
public final class WebhookTargetPolicy {
  /** Resolves a host name to its addresses. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  public WebhookTargetPolicy(Resolver resolver) {
    this.resolver = resolver;
  }

  public static WebhookTargetPolicy system() {
    return new WebhookTargetPolicy(InetAddress::getAllByName);
  }

  /** The URI to call and the addresses to connect to; throws a permanent failure when the target is not allowed. */
  public WebhookTarget check(String url) throws DeliveryException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw DeliveryException.permanent("webhook URL is malformed");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw DeliveryException.permanent("webhook URL must use https");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw DeliveryException.permanent("webhook URL needs a host and no credentials");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(uri.getHost());
    } catch (UnknownHostException e) {
      throw DeliveryException.transientFailure("webhook host does not resolve", e);
    }
    if (addresses == null || addresses.length == 0) {
      throw DeliveryException.transientFailure("webhook host does not resolve", null);
    }
    WebhookTarget target = new WebhookTarget(uri, List.of(addresses));
    boolean allLoopback = true;
    for (InetAddress a : addresses) {
      allLoopback &= a.isLoopbackAddress();
    }
    if (allLoopback) {
      return target;
    }
    if (!scheme.equals("https")) {
      throw DeliveryException.permanent("webhook URL must use https (plain http only to loopback)");
    }
    for (InetAddress a : addresses) {
      if (forbidden(a)) {
        throw DeliveryException.permanent("webhook target is a private or reserved address");
      }
    }
    return target;
  }

  static boolean forbidden(InetAddress a) {
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this" network
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved, broadcast
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return true; // unique local fc00::/7
    }
    if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return forbiddenV4(b, 12); // IPv4-mapped ::ffff:0:0/96
    }
    if (zeros(b, 0, 12)) {
      return true; // IPv4-compatible ::/96 (deprecated; ::1 and :: are caught above)
    }
    if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      // NAT64: the well-known prefix 64:ff9b::/96 reaches the embedded IPv4 address; the local-use
      // prefix 64:ff9b:1::/48 (RFC 8215) translates into the operator's own network
      return !zeros(b, 4, 12) || forbiddenV4(b, 12);
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return forbiddenV4(b, 2); // 6to4 2002::/16 carries an IPv4 address in bits 16-47
    }
    return false;
  }

  private static boolean forbiddenV4(byte[] b, int from) {
    try {
      return forbidden(InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
    } catch (UnknownHostException e) {
      return true;
    }
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
