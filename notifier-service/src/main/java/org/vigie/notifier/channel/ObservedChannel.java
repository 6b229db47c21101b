package org.vigie.notifier.channel;

import java.util.function.Consumer;
import org.vigie.notifier.message.Notice;
import org.vigie.schemas.NotificationChannel;

/** A channel that reports each notice the remote side accepted, e.g. to time deliveries. */
public final class ObservedChannel implements Channel {
  private final Channel delegate;
  private final Consumer<Notice> accepted;

  public ObservedChannel(Channel delegate, Consumer<Notice> accepted) {
    this.delegate = delegate;
    this.accepted = accepted;
  }

  @Override
  public NotificationChannel kind() {
    return delegate.kind();
  }

  @Override
  public void send(Notice notice) throws DeliveryException {
    delegate.send(notice);
    accepted.accept(notice);
  }
}
