package org.vigie.notifier.channel;

import org.vigie.notifier.message.Notice;
import org.vigie.schemas.NotificationChannel;

/** A way to reach a volunteer. Implementations must be safe to call from several dispatcher threads. */
public interface Channel extends AutoCloseable {
  NotificationChannel kind();

  /** Delivers a notice; returns once the remote side accepted it. */
  void send(Notice notice) throws DeliveryException;

  /** Releases connections kept between sends. */
  @Override
  default void close() {}
}
