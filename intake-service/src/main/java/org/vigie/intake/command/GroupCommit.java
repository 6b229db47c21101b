package org.vigie.intake.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.intake.outbox.OutboxRecord;

/**
 * Group commit of the API's writes. Requests are validated on their own threads, then handed to a
 * writer; each writer takes everything queued (up to a bound) and runs it in ONE transaction, then
 * sends all the outbox records of the batch to Kafka at once and waits for the acks once. A
 * request's {@link Ticket#committed()} completes after the commit that holds its rows, its
 * {@link Ticket#published()} once Kafka acknowledged its records, so the API answers exactly as
 * with a transaction per request, only with one WAL flush and one Kafka round trip per batch.
 *
 * <p>The batch first runs optimistically: the rows its writes will lock are locked with one query
 * ({@link Prefetch}), and the writes nothing reads back are queued in a {@link WriteBehind} and sent
 * as JDBC batches before the commit. One write failing (a closed case, an Idempotency-Key race)
 * does not fail the others: if a write throws, or the batched statements fail, the transaction is
 * rolled back, a write that threw gets its error, and the rest runs again, statement by statement
 * with a savepoint per write. If that cannot commit either, each write runs alone in its own
 * transaction.
 *
 * <p>Writes for the same key (a case) always go to the same writer, so that two writers never
 * wait for each other's locks on one case.
 */
public final class GroupCommit implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  private final Jdbi jdbi;
  private final WriteBehinds writeBehinds;
  private final Prefetch prefetch;
  private final Publication publication;
  private final int maxBatch;
  private final long gatherNanos;
  private final List<LinkedBlockingQueue<Item>> queues = new ArrayList<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  /** What a submitter waits for: its result once committed, then the acknowledgement of its records. */
  public record Ticket(CompletableFuture<CommandResult> committed, CompletableFuture<Void> published) {}

  private record Item(Object key, TxCommand command, Ticket ticket) {}

  /** Where committed records go: announced just before the commit, then sent. */
  public interface Publication {
    /** These records are about to be committed and then sent by their writer (a repeat waits for that send). */
    void expect(List<OutboxRecord> records);

    /** The commit failed: these records will not be sent. */
    void forget(List<OutboxRecord> records);

    /** Sends; completes once Kafka acknowledged them all. */
    CompletableFuture<Void> publishAsync(List<OutboxRecord> records);
  }

  /** Locks, with one query, the rows a batch's writes will lock, given their keys; keeps them in the WriteBehind. */
  @FunctionalInterface
  public interface Prefetch {
    void lock(Handle h, WriteBehind writeBehind, List<Object> keys);
  }

  /** Outcome of one write within a batch: a result or the error it threw. */
  private record Outcome(CommandResult result, RuntimeException error) {}

  /**
   * @param publication announces and sends the records of committed writes
   * @param writers number of writer threads (each with at most one open transaction)
   * @param maxBatch most writes per transaction
   */
  public GroupCommit(Jdbi jdbi, WriteBehinds writeBehinds, Prefetch prefetch,
      Publication publication, int writers, int maxBatch) {
    this(jdbi, writeBehinds, prefetch, publication, writers, maxBatch, 0);
  }

  /**
   * @param gatherMicros under load, how long a writer waits for more writes before it runs a batch
   *     (0: runs what is queued at once)
   */
  public GroupCommit(Jdbi jdbi, WriteBehinds writeBehinds, Prefetch prefetch,
      Publication publication, int writers, int maxBatch, long gatherMicros) {
    this.gatherNanos = TimeUnit.MICROSECONDS.toNanos(gatherMicros);
    this.jdbi = jdbi;
    this.writeBehinds = writeBehinds;
    this.prefetch = prefetch;
    this.publication = publication;
    this.maxBatch = maxBatch;
    for (int i = 0; i < writers; i++) {
      LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
      queues.add(queue);
      Thread t = new Thread(() -> loop(queue), "intake-writer-" + i);
      t.setDaemon(true);
      this.writers.add(t);
    }
    this.writers.forEach(Thread::start);
  }

  /** Queues a write; {@code key} picks the writer (writes with equal keys are run in submission order). */
  public Ticket submit(Object key, TxCommand command) {
    Ticket ticket = new Ticket(new CompletableFuture<>(), new CompletableFuture<>());
    if (!running) {
      ticket.committed().completeExceptionally(new IllegalStateException("intake is stopping"));
      return ticket;
    }
    int shard = key == null ? java.util.concurrent.ThreadLocalRandom.current().nextInt(queues.size()) : Math.floorMod(key.hashCode(), queues.size());
    queues.get(shard).add(new Item(key, command, ticket));
    return ticket;
  }

  private void loop(LinkedBlockingQueue<Item> queue) {
    List<Item> batch = new ArrayList<>(maxBatch);
    int lastBatch = 0;
    while (running || !queue.isEmpty()) {
      try {
        Item first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        if (gatherNanos > 0 && lastBatch > 1) {
          // Under load (the previous batch held several writes) the writer waits a little for more: a
          // transaction's fixed costs (locking query, statements, commit, the marks of its outbox row)
          // are then shared by more writes. A lone write never waits.
          QueueBatches.gather(queue, batch, maxBatch, gatherNanos, () -> running);
        }
        lastBatch = batch.size();
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        LOG.error("Group commit writer failed on a batch of {}: {}", batch.size(), e.getClass().getName());
        batch.forEach(i -> i.ticket().committed().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
    List<Item> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(i -> i.ticket().committed().completeExceptionally(new IllegalStateException("intake is stopping")));
  }

  private void write(List<Item> batch) {
    Outcome[] outcomes = runBatch(batch);
    List<OutboxRecord> records = new ArrayList<>();
    List<Item> waiting = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Outcome o = outcomes[i];
      if (o.error() == null && !o.result().records().isEmpty()) {
        records.addAll(o.result().records());
        waiting.add(batch.get(i));
      }
    }
    // Sent before anyone hears of the commit; not waited for here: the writer goes on with the
    // next batch while Kafka acknowledges this one.
    CompletableFuture<Void> acks = records.isEmpty() ? CompletableFuture.completedFuture(null) : publication.publishAsync(records);
    for (int i = 0; i < batch.size(); i++) {
      Outcome o = outcomes[i];
      Ticket t = batch.get(i).ticket();
      if (o.error() != null) {
        t.committed().completeExceptionally(o.error());
      } else {
        t.committed().complete(o.result());
        if (o.result().records().isEmpty()) {
          t.published().complete(null);
        }
      }
    }
    acks.whenComplete((ok, error) -> {
      for (Item item : waiting) {
        if (error == null) {
          item.ticket().published().complete(null);
        } else {
          item.ticket().published().completeExceptionally(error);
        }
      }
    });
  }

  private static List<OutboxRecord> records(Outcome[] outcomes) {
    List<OutboxRecord> records = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o != null && o.error() == null) {
        records.addAll(o.result().records());
      }
    }
    return records;
  }

  /** Commits, the records announced first (and forgotten if the commit fails). */
  private void commit(Handle h, List<OutboxRecord> records) {
    publication.expect(records);
    try {
      h.commit();
    } catch (RuntimeException e) {
      publication.forget(records);
      throw e;
    }
  }

  private Outcome[] runBatch(List<Item> batch) {
    Outcome[] outcomes = new Outcome[batch.size()];
    int failed;
    try {
      failed = jdbi.withHandle(h -> optimistic(h, batch, outcomes));
      if (failed < 0 || batch.size() == 1) {
        return outcomes;
      }
    } catch (RuntimeException e) {
      // The batched statements or the commit failed: no write to blame, run them all again.
      java.util.Arrays.fill(outcomes, null);
      failed = -1;
    }
    int skip = failed;
    try {
      jdbi.useHandle(h -> withSavepoints(h, batch, outcomes, skip));
      return outcomes;
    } catch (RuntimeException e) {
      return alone(batch, outcomes, skip);
    }
  }

  /** Everything in one transaction, writes queued; returns -1 once committed, else the index of the write that threw. */
  private int optimistic(Handle h, List<Item> batch, Outcome[] outcomes) {
    WriteBehind writeBehind = new WriteBehind();
    h.begin();
    writeBehinds.attach(h, writeBehind);
    try {
      List<Object> keys = batch.stream().map(Item::key).filter(java.util.Objects::nonNull).toList();
      if (!keys.isEmpty()) {
        prefetch.lock(h, writeBehind, keys);
      }
      for (int i = 0; i < batch.size(); i++) {
        try {
          outcomes[i] = new Outcome(batch.get(i).command().run(h), null);
        } catch (RuntimeException e) {
          h.rollback();
          outcomes[i] = new Outcome(null, e);
          return i;
        }
      }
      writeBehind.flush(h);
      commit(h, records(outcomes));
      return -1;
    } catch (RuntimeException e) {
      rollbackQuietly(h);
      throw e;
    } finally {
      writeBehinds.detach(h);
    }
  }

  private static void rollbackQuietly(Handle h) {
    try {
      if (h.isInTransaction()) {
        h.rollback();
      }
    } catch (RuntimeException ignored) {
      // the connection is closed or broken: nothing left to roll back
    }
  }

  /** All but the failed write again, statement by statement, each under a savepoint, in one transaction. */
  private void withSavepoints(Handle h, List<Item> batch, Outcome[] outcomes, int failed) {
    h.begin();
    try {
      for (int i = 0; i < batch.size(); i++) {
        if (i == failed) {
          continue;
        }
        h.savepoint("write");
        try {
          outcomes[i] = new Outcome(batch.get(i).command().run(h), null);
          h.releaseSavepoint("write");
        } catch (RuntimeException e) {
          h.rollbackToSavepoint("write");
          outcomes[i] = new Outcome(null, e);
        }
      }
      commit(h, records(outcomes));
    } catch (RuntimeException e) {
      rollbackQuietly(h);
      throw e;
    }
  }

  /** The fallback: each write (but {@code skip}, already failed) in its own transaction. */
  private Outcome[] alone(List<Item> batch, Outcome[] outcomes, int skip) {
    for (int i = 0; i < batch.size(); i++) {
      if (i == skip) {
        continue;
      }
      TxCommand command = batch.get(i).command();
      try {
        outcomes[i] = new Outcome(jdbi.withHandle(h -> {
          h.begin();
          try {
            CommandResult r = command.run(h);
            commit(h, r.records());
            return r;
          } catch (RuntimeException e) {
            rollbackQuietly(h);
            throw e;
          }
        }), null);
      } catch (RuntimeException e) {
        outcomes[i] = new Outcome(null, e);
      }
    }
    return outcomes;
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : writers) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
