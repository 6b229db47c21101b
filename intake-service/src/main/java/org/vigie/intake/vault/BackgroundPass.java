package org.vigie.intake.vault;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work over the vault done once, in a background thread, after the service has started (so that it
 * serves meanwhile), and stopped when the service closes. The work checks {@code stopping} between
 * its batches; a failure is logged and the work is left for the next start.
 */
final class BackgroundPass implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundPass.class);

  /** The work; it returns early once {@code stopping} says so. */
  interface Work {
    void run(BooleanSupplier stopping);
  }

  private final Thread thread;
  private volatile boolean stopping;

  BackgroundPass(String name, Work work) {
    this.thread = new Thread(() -> {
      try {
        work.run(() -> stopping);
      } catch (RuntimeException e) {
        if (!stopping) {
          LOG.error("{} stopped; it goes on at the next start", name, e);
        }
      }
    }, name);
    this.thread.setDaemon(true);
  }

  BackgroundPass start() {
    thread.start();
    return this;
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join(10_000);
  }
}
