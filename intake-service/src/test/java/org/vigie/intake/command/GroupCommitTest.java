package org.vigie.intake.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.intake.support.RecordingPublication;
import org.vigie.platform.db.Databases;
import org.vigie.platform.testing.SharedPostgres;

/**
 * Group commit against a real PostgreSQL: writes queued together share one transaction; one failing
 * write (its own error, a constraint violated in the batched statements) fails alone; a failed
 * publication leaves every write committed.
 */
class GroupCommitTest {
  private HikariDataSource ds;
  private Jdbi jdbi;
  private final WriteBehinds writeBehinds = new WriteBehinds();
  private RecordingPublication publication;

  @BeforeEach
  void database() {
    ds = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "public", 4);
    jdbi = Databases.jdbi(ds);
    jdbi.useHandle(h -> h.execute("CREATE TABLE items (id int PRIMARY KEY, tx bigint NOT NULL)"));
  }

  @AfterEach
  void close() {
    ds.close();
  }

  private GroupCommit group(CompletableFuture<Void> acknowledgement) {
    publication = new RecordingPublication(acknowledgement);
    return new GroupCommit(jdbi, writeBehinds, (h, w, keys) -> { }, publication, 1, 256);
  }

  /** Inserts a row (queued when in a group-commit transaction) and answers the transaction's id. */
  private TxCommand insert(int id) {
    return h -> {
      long tx = h.createQuery("SELECT txid_current()").mapTo(Long.class).one();
      writeBehinds.of(h).ifPresentOrElse(w -> w.add("INSERT INTO items (id, tx) VALUES (?, ?)", id, tx),
          () -> h.execute("INSERT INTO items (id, tx) VALUES (?, ?)", id, tx));
      return new CommandResult(201, Long.toString(tx), List.of(new OutboxRecord(id, "t", "k" + id, new byte[0])));
    };
  }

  /** A first write that holds the single writer until released, so that the next ones queue up as one batch. */
  private final CountDownLatch gateRunning = new CountDownLatch(1);

  private TxCommand gate(CountDownLatch release) {
    return h -> {
      gateRunning.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new CommandResult(200, "gate", List.of());
    };
  }

  private int rows() {
    return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM items").mapTo(Integer.class).one());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(60, TimeUnit.SECONDS);
  }

  @Test
  void queuedWritesShareOneTransactionAndOneFailureFailsAlone() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommit group = group(CompletableFuture.completedFuture(null))) {
      GroupCommit.Ticket gate = group.submit("a", gate(release));
      assertThat(gateRunning.await(60, TimeUnit.SECONDS)).isTrue();
      List<GroupCommit.Ticket> ok = new ArrayList<>();
      ok.add(group.submit("a", insert(1)));
      ok.add(group.submit("b", insert(2)));
      GroupCommit.Ticket refused = group.submit("c", h -> {
        throw ApiProblem.unprocessable("caseId", "Ce dossier est clos", "This case is closed");
      });
      ok.add(group.submit("d", insert(3)));
      ok.add(group.submit("e", insert(4)));
      release.countDown();

      assertThat(get(gate.committed()).body()).isEqualTo("gate");
      List<String> txs = new ArrayList<>();
      for (GroupCommit.Ticket t : ok) {
        txs.add(get(t.committed()).body());
        get(t.published());
      }
      assertThat(txs).as("one transaction for the whole batch").hasSize(4).containsOnly(txs.get(0));
      assertThatThrownBy(() -> get(refused.committed())).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ApiProblem.class);
      assertThat(rows()).isEqualTo(4);
      assertThat(publication.published()).hasSize(1);
      assertThat(publication.published().get(0)).extracting(OutboxRecord::seq).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Test
  void aConstraintViolatedInTheBatchedStatementsFailsOnlyItsWrite() throws Exception {
    jdbi.useHandle(h -> h.execute("INSERT INTO items (id, tx) VALUES (7, 0)"));
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommit group = group(CompletableFuture.completedFuture(null))) {
      group.submit(null, gate(release));
      assertThat(gateRunning.await(60, TimeUnit.SECONDS)).isTrue();
      GroupCommit.Ticket first = group.submit(null, insert(5));
      GroupCommit.Ticket duplicate = group.submit(null, insert(7));
      GroupCommit.Ticket last = group.submit(null, insert(6));
      release.countDown();

      assertThat(get(first.committed()).status()).isEqualTo(201);
      assertThat(get(last.committed()).status()).isEqualTo(201);
      assertThatThrownBy(() -> get(duplicate.committed())).isInstanceOf(ExecutionException.class);
      assertThat(rows()).isEqualTo(3);
      long untouched = jdbi.withHandle(h -> h.createQuery("SELECT tx FROM items WHERE id = 7").mapTo(Long.class).one());
      assertThat(untouched).isZero();
    }
  }

  @Test
  void aFailedPublicationLeavesEveryWriteCommitted() throws Exception {
    CompletableFuture<Void> kafkaDown = CompletableFuture.failedFuture(new IllegalStateException("no ack"));
    try (GroupCommit group = group(kafkaDown)) {
      List<GroupCommit.Ticket> tickets = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        tickets.add(group.submit(null, insert(100 + i)));
      }
      for (GroupCommit.Ticket t : tickets) {
        assertThat(get(t.committed()).status()).isEqualTo(201);
        assertThatThrownBy(() -> get(t.published())).isInstanceOf(ExecutionException.class);
      }
      assertThat(rows()).isEqualTo(20);
    }
  }

  @Test
  void closingFailsWhatIsSubmittedAfterwards() throws Exception {
    GroupCommit group = group(CompletableFuture.completedFuture(null));
    group.close();
    GroupCommit.Ticket late = group.submit(null, insert(1));
    assertThatThrownBy(() -> get(late.committed())).isInstanceOf(ExecutionException.class);
    assertThat(rows()).isZero();
  }
}
