package org.vigie.intake.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.audit.retention.CaseActivity;
import org.vigie.audit.retention.ErasureActions;
import org.vigie.audit.retention.RetentionJob;
import org.vigie.audit.retention.RetentionPolicy;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.journal.IdentityAccesses;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.vault.IdentityVault;

/**
 * Runs the retention job every day at 03:00 (domain time zone) over intake's cases: a case's last
 * activity is the latest day one of its events occurred or was recorded.
 */
public final class RetentionSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
  static final LocalTime RUN_AT = LocalTime.of(3, 0);

  private final Jdbi jdbi;
  private final RetentionJob job;
  private final IdentityAccesses accesses;
  private final ZoneId zone;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vigie-intake-retention");
    t.setDaemon(true);
    return t;
  });

  /** {@code accesses}: each run also deletes the journal of accesses to identities older than it is kept. */
  public RetentionSchedule(Jdbi jdbi, RetentionPolicy policy, ErasureActions actions, IdentityAccesses accesses, Clock clock) {
    this.jdbi = jdbi;
    this.accesses = accesses;
    this.zone = clock.getZone();
    this.job = new RetentionJob(policy, actions, clock, zone);
  }

  /**
   * The daily job of the intake service: erasure over its vault, read models and outbox, after the
   * policy's inactivity period ({@code VIGIE_RETENTION_PERIOD}, default P2Y, read once by the service).
   */
  public static RetentionSchedule daily(RetentionPolicy policy, Jdbi jdbi, CaseRepository cases, IdentityVault vault,
      IdentityAccesses accesses, Outbox outbox, OutboxPublisher publisher, Clock clock) {
    return new RetentionSchedule(jdbi, policy, new IntakeErasure(jdbi, cases, vault, outbox,
        publisher), accesses, clock).start(clock);
  }

  /** Schedules the daily run; {@code clock} gives the first run's delay. */
  public RetentionSchedule start(Clock clock) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    ZonedDateTime next = now.with(RUN_AT);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    timer.scheduleAtFixedRate(this::runSafely, Duration.between(now, next).toMillis(), TimeUnit.DAYS.toMillis(1),
        TimeUnit.MILLISECONDS);
    return this;
  }

  private void runSafely() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.warn("Retention run failed ({}); next run tomorrow", e.getClass().getSimpleName());
    } catch (Error e) {
      // A task that throws is never run again by its scheduler: no case would be erased any more.
      LOG.error("Retention run failed; next run tomorrow", e);
    }
  }

  /**
   * One run over every case of every association, over the journal of accesses to identities, and over the
   * cases of closed associations whose erasure failed at their closure.
   */
  public RetentionJob.Outcome runOnce() {
    int purged = jdbi.withHandle(accesses::purge);
    if (purged > 0) {
      LOG.info("Retention: {} identity access(es) older than {} days deleted from the journal", purged, IdentityAccesses.KEPT.toDays());
    }
    RetentionJob.Outcome left = job.eraseAll(jdbi.withHandle(h -> CaseActivities.ofClosedAssociations(h, zone)));
    if (!left.erased().isEmpty()) {
      LOG.info("Retention: {} case(s) of closed associations erased", left.erased().size());
    }
    return job.run(activities());
  }

  /** The last activity of each case of every association. */
  public List<CaseActivity> activities() {
    return jdbi.withHandle(h -> CaseActivities.of(h, null, zone));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
