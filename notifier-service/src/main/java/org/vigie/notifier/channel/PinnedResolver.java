package org.vigie.notifier.channel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only name resolution: while a send is pinned to a {@link WebhookTarget}, the
 * target's host resolves to the addresses the policy vetted, and any other host (or any host
 * outside a pinned send) does not resolve at all. No DNS query is ever made here.
 *
 * <p>The pin is per thread: the classic (blocking) client opens its connections in the thread that
 * executes the request, so each dispatcher thread sees only the target it is sending to.
 */
final class PinnedResolver implements DnsResolver {
  private final ThreadLocal<WebhookTarget> pinned = new ThreadLocal<>();

  /** Pins this thread's resolutions to the target until the returned pin is closed. */
  Pin pin(WebhookTarget target) {
    pinned.set(target);
    return pinned::remove;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    WebhookTarget target = pinned.get();
    if (target == null || host == null || !target.host().equals(WebhookTarget.hostKey(host))) {
      throw new UnknownHostException("not the vetted webhook host");
    }
    return target.addresses().toArray(new InetAddress[0]);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    resolve(host);
    return host;
  }

  /** Ends a pin. */
  interface Pin extends AutoCloseable {
    @Override
    void close();
  }
}
