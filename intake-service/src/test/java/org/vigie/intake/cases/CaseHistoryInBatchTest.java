package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.command.GroupCommit;
import org.vigie.intake.command.TxCommand;
import org.vigie.intake.command.WriteBehinds;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.support.RecordingPublication;
import org.vigie.platform.db.Databases;
import org.vigie.platform.testing.SharedPostgres;
import org.vigie.schemas.CorrectionKind;

/**
 * Two corrections of one event committed in the same group-commit transaction: the second sees the first,
 * although the first's timeline entry is only sent to the database at the commit.
 */
class CaseHistoryInBatchTest {
  private static final UUID ASSOCIATION = UUID.randomUUID();
  private static final UUID CASE = UUID.randomUUID();
  private static final UUID CORRECTED = UUID.randomUUID();

  private HikariDataSource ds;
  private Jdbi jdbi;
  private final WriteBehinds writeBehinds = new WriteBehinds();
  private final CaseRepository cases = new CaseRepository(new ObjectMapper(), writeBehinds);

  @BeforeEach
  void database() {
    ds = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "public", 4);
    jdbi = Databases.jdbi(ds);
    jdbi.useHandle(h -> h.execute("""
        CREATE TABLE case_events (seq bigserial, event_id uuid, case_id uuid, association_id uuid, type text,
          occurred_on date, recorded_at timestamptz, recorded_by text, source text, details json,
          corrects_event_id uuid, correction_kind text)"""));
  }

  @AfterEach
  void close() {
    ds.close();
  }

  @Test
  void aCorrectionQueuedInTheBatchIsSeenByTheNextWrite() throws Exception {
    try (GroupCommit group = new GroupCommit(jdbi, writeBehinds, (h, w, keys) -> { }, new RecordingPublication(CompletableFuture.completedFuture(null)), 1, 256)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch running = new CountDownLatch(1);
      group.submit(CASE, h -> {
        running.countDown();
        await(release);
        return new CommandResult(200, "gate", List.of());
      });
      assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
      GroupCommit.Ticket first = group.submit(CASE, correction());
      GroupCommit.Ticket second = group.submit(CASE, correction());
      release.countDown();

      assertThat(first.committed().get(60, TimeUnit.SECONDS).status()).isEqualTo(202);
      CompletableFuture<CommandResult> refused = second.committed();
      assertThatThrownBy(() -> refused.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ApiProblem.class);
    }
    int rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM case_events").mapTo(Integer.class).one());
    assertThat(rows).isEqualTo(1);
  }

  /** Records a replacement of CORRECTED unless the case's history already holds one (as CaseCommands does). */
  private TxCommand correction() {
    return h -> {
      if (cases.history(h, ASSOCIATION, CASE).correctedBy(CORRECTED).isPresent()) {
        throw ApiProblem.conflict("eventId", "déjà corrigé", "already corrected");
      }
      cases.appendTimeline(h, CASE, ASSOCIATION, new TimelineEntry(UUID.randomUUID(), "API_ISSUED", LocalDate.of(2026, 1, 5),
          Instant.now(), "test", "API", JsonNodeFactory.instance.objectNode(),
          new EventCorrection(CORRECTED, CorrectionKind.REPLACES)));
      return new CommandResult(202, "corrected", List.of());
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
