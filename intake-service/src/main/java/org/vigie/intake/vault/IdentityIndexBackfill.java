package org.vigie.intake.vault;

import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes, in the background after the start, the foreigner-number and name hashes of the identities
 * stored before they were kept, a batch per transaction, so that searching by number and noticing a
 * second case for the same person cover them too.
 */
public final class IdentityIndexBackfill implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityIndexBackfill.class);
  private static final int BATCH = 500;

  private final Jdbi jdbi;
  private final IdentityVault vault;
  private BackgroundPass worker;

  public IdentityIndexBackfill(Jdbi jdbi, IdentityVault vault) {
    this.jdbi = jdbi;
    this.vault = vault;
  }

  /** Starts the work when some identity lacks its hash. */
  public IdentityIndexBackfill start() {
    boolean missing = jdbi.withHandle(h -> h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM identities WHERE foreigner_number_index IS NULL OR name_index IS NULL)")
        .mapTo(Boolean.class).one());
    if (missing) {
      worker = new BackgroundPass("intake-identity-index-backfill", this::run).start();
    }
    return this;
  }

  private void run(BooleanSupplier stopping) {
    long done = 0;
    for (int n = BATCH; n > 0 && !stopping.getAsBoolean(); done += n) {
      n = jdbi.inTransaction(h -> vault.indexSomeIdentities(h, BATCH));
    }
    LOG.info("Foreigner numbers and names hashed for {} identities stored before the hashes were kept", done);
  }

  @Override
  public void close() throws InterruptedException {
    if (worker != null) {
      worker.close();
    }
  }
}
