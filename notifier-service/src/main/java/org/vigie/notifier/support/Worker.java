package org.vigie.notifier.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that runs a step repeatedly: again at once when the step says there is
 * more to do, otherwise after an idle period or as soon as {@link #wake()} is called. A step
 * that throws (an exception or an Error) is logged and retried after the idle period.
 */
public final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

  /** One unit of work; returns true when more work is probably waiting. */
  @FunctionalInterface
  public interface Step {
    boolean run() throws Exception;
  }

  private final String name;
  private final long idleMillis;
  private final Step step;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private boolean woken;
  private volatile boolean running = true;

  public Worker(String name, long idleMillis, Step step) {
    this.name = name;
    this.idleMillis = idleMillis;
    this.step = step;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  public Worker start() {
    thread.start();
    return this;
  }

  public void wake() {
    lock.lock();
    try {
      woken = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (running) {
      boolean more;
      try {
        more = step.run();
      } catch (Exception e) {
        if (!running) {
          break;
        }
        LOG.warn("{}: {}", name, e.toString());
        more = false;
      } catch (Error e) {
        // Left to end the thread, an Error would stop this work for good while the service looks
        // healthy: logged, and the step runs again after the idle period like after an exception.
        LOG.error("{}: step failed", name, e);
        more = false;
      }
      if (!more) {
        idle();
      }
    }
  }

  private void idle() {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
      while (!woken && running && nanos > 0) {
        nanos = signal.awaitNanos(nanos);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    running = false;
    wake();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
