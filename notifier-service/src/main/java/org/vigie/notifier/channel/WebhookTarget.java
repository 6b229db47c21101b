package org.vigie.notifier.channel;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A webhook target the {@link WebhookTargetPolicy} allowed: the URI to call and the addresses its
 * host resolved to when it was checked. The call must connect to one of these addresses and no
 * other (a second resolution could answer differently: DNS rebinding).
 */
public record WebhookTarget(URI uri, List<InetAddress> addresses) {
  public WebhookTarget {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("a webhook target needs at least one vetted address");
    }
    addresses = List.copyOf(addresses);
  }

  /** The URI's host as a connection names it: lower case, an IPv6 literal without its brackets. */
  public String host() {
    return hostKey(uri.getHost());
  }

  static String hostKey(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }
}
