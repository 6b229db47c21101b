package org.vigie.intake.command;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Batches taken from a queue by a writer thread: what is queued, then what arrives within a short wait. */
public final class QueueBatches {
  private QueueBatches() {}

  /**
   * Adds to {@code batch} what arrives on {@code queue} within {@code nanos}, until the batch holds
   * {@code max} items, a wait finds nothing, or {@code open} turns false (the writer is stopping).
   */
  public static <T> void gather(BlockingQueue<T> queue, List<T> batch, int max, long nanos, BooleanSupplier open)
      throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; open.getAsBoolean() && batch.size() < max && left > 0; left = deadline - System.nanoTime()) {
      T next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, max - batch.size());
    }
  }
}
