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
 * addresses are refused so that a webhook URL cannot reach the federation's internal network.
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
    boolean v4Mapped = true;
    for (int i = 0; i < 10; i++) {
      v4Mapped &= b[i] == 0;
    }
    if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      try {
        byte[] v4 = {b[12], b[13], b[14], b[15]};
        return forbidden(InetAddress.getByAddress(v4));
      } catch (UnknownHostException e) {
        return true;
      }
    }
    return false;
  }
}
