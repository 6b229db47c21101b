package org.vigie.intake.vault;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.config.ConfigException;

/**
 * Keeps everything the vault wraps under the current master key. At start, {@link #check} refuses a
 * master key that opens nothing stored (a wrong or lost VIGIE_MASTER_KEY), before any request can
 * fail on it. Then, in the background, every data key and service secret still wrapped by the
 * previous key is re-wrapped under the current one, a batch per transaction, and each key stored
 * before key ids existed is labelled with the id of the key that opens it. The ciphertexts the data
 * keys protect do not change. Requests are served meanwhile: a row is opened with the key its id
 * names. A row is rewritten only if it still holds what was read, so an erasure or another instance
 * doing the same work meanwhile is harmless.
 */
public final class MasterKeyRotation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MasterKeyRotation.class);
  private static final int BATCH = 500;

  private final Jdbi jdbi;
  private final MasterKeys keys;
  private final AtomicLong remaining = new AtomicLong();
  private BackgroundPass worker;

  public MasterKeyRotation(Jdbi jdbi, MasterKeys keys) {
    this.jdbi = jdbi;
    this.keys = keys;
  }

  /** Fails the start when something stored opens with neither configured key; counts what is left to do. */
  public MasterKeyRotation check() {
    String current = keys.current().id();
    Map<String, Long> byKey = jdbi.withHandle(h -> {
      Map<String, Long> m = new java.util.HashMap<>();
      h.createQuery("""
              SELECT coalesce(master_key_id, ''), count(*) FROM case_keys GROUP BY 1
              UNION ALL SELECT master_key_id, count(*) FROM vault_secrets GROUP BY 1""")
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> m.merge(e.getKey(), e.getValue(), Long::sum));
      return m;
    });
    long todo = 0;
    for (Map.Entry<String, Long> e : byKey.entrySet()) {
      String id = e.getKey();
      if (!id.isEmpty() && !id.equals(current) && keys.previous().map(p -> !p.id().equals(id)).orElse(true)) {
        throw new ConfigException(MasterKey.VIGIE_MASTER_KEY, "does not open the identity vault: " + e.getValue()
            + " stored keys are wrapped by master key " + id + ", configured: " + keys.describe()
            + ". Set the key they were stored with (docs/operations.md, master key).");
      }
      if (!id.equals(current)) {
        todo += e.getValue();
      }
    }
    if (byKey.getOrDefault("", 0L) > 0) {
      checkOneUnlabelled();
    }
    remaining.set(todo);
    if (keys.previous().isPresent() && todo == 0) {
      LOG.info("Master key rotation: nothing is wrapped by the previous master key {}; VIGIE_MASTER_KEY_PREVIOUS can be removed",
          keys.previous().get().id());
    } else if (todo > 0) {
      LOG.info("Master key rotation: {} stored keys to label with, or re-wrap under, master key {}", todo, current);
    }
    return this;
  }

  private void checkOneUnlabelled() {
    jdbi.useHandle(h -> h.createQuery("SELECT case_id, wrapped_key FROM case_keys WHERE master_key_id IS NULL LIMIT 1")
        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2))).findOne()
        .ifPresent(row -> {
          try {
            keys.unwrapUnlabelled(row.getValue(), IdentityVault.keyAad(row.getKey()));
          } catch (UnknownMasterKeyException e) {
            throw new ConfigException(MasterKey.VIGIE_MASTER_KEY, "does not open the identity vault (configured: "
                + keys.describe() + "). Set the key its data was stored with (docs/operations.md, master key).");
          }
        }));
  }

  /** Stored keys not yet wrapped by the current master key and labelled with its id. */
  public long remaining() {
    return remaining.get();
  }

  public MasterKeyRotation bindTo(MeterRegistry registry) {
    Gauge.builder("vigie_intake_vault_keys_to_rewrap", remaining, AtomicLong::get)
        .description("Stored keys not yet wrapped by the current master key").register(registry);
    return this;
  }

  /** Does the work in a background thread, if there is any. */
  public MasterKeyRotation start() {
    if (remaining.get() > 0) {
      worker = new BackgroundPass("intake-master-key-rotation", this::run).start();
    }
    return this;
  }

  /** Re-wraps and labels every stored key not under the current master key. */
  private void run(java.util.function.BooleanSupplier stopping) {
    long done = rewrapSecrets();
    UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes
    while (!stopping.getAsBoolean()) {
      UUID from = after;
      List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
              SELECT case_id, wrapped_key, master_key_id FROM case_keys
              WHERE master_key_id IS DISTINCT FROM :current AND case_id > :after ORDER BY case_id LIMIT :limit""")
          .bind("current", keys.current().id()).bind("after", from).bind("limit", BATCH)
          .map((rs, ctx) -> new Row(rs.getObject(1, UUID.class), new MasterKeys.Wrapped(rs.getBytes(2), rs.getString(3))))
          .list());
      if (rows.isEmpty()) {
        break;
      }
      int written = jdbi.inTransaction(h -> rewrap(h, rows));
      done += written;
      remaining.addAndGet(-written);
      after = rows.get(rows.size() - 1).caseId();
    }
    if (stopping.getAsBoolean()) {
      return;
    }
    long left = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM case_keys WHERE master_key_id IS DISTINCT FROM ?")
        .bind(0, keys.current().id()).mapTo(Long.class).one());
    remaining.set(left);
    LOG.info("Master key rotation: {} stored keys now wrapped by master key {}; {} left{}", done, keys.current().id(), left,
        left == 0 && keys.previous().isPresent() ? "; VIGIE_MASTER_KEY_PREVIOUS can be removed" : "");
  }

  private record Row(UUID caseId, MasterKeys.Wrapped wrapped) {}

  private int rewrap(Handle h, List<Row> rows) {
    var update = h.prepareBatch("""
        UPDATE case_keys SET wrapped_key = ?, master_key_id = ?
        WHERE case_id = ? AND wrapped_key = ?""");
    for (Row r : rows) {
      byte[] aad = IdentityVault.keyAad(r.caseId());
      MasterKeys.Wrapped now = rewrapped(r.wrapped(), aad);
      update.bind(0, now.bytes()).bind(1, now.keyId()).bind(2, r.caseId()).bind(3, r.wrapped().bytes()).add();
    }
    int written = 0;
    for (int n : update.execute()) {
      written += n;
    }
    return written;
  }

  /** The same value under the current key; a value the current key already wraps keeps its bytes and gains the id. */
  private MasterKeys.Wrapped rewrapped(MasterKeys.Wrapped stored, byte[] aad) {
    if (stored.keyId() == null) {
      MasterKeys.Opened opened = keys.unwrapUnlabelled(stored.bytes(), aad);
      return opened.by() == keys.current() ? new MasterKeys.Wrapped(stored.bytes(), keys.current().id()) : keys.wrap(opened.value(), aad);
    }
    return keys.wrap(keys.unwrap(stored, aad), aad);
  }

  private int rewrapSecrets() {
    return jdbi.inTransaction(h -> {
      List<Map.Entry<String, MasterKeys.Wrapped>> stale = new ArrayList<>();
      h.createQuery("SELECT name, wrapped, master_key_id FROM vault_secrets WHERE master_key_id <> ? FOR UPDATE")
          .bind(0, keys.current().id())
          .map((rs, ctx) -> Map.entry(rs.getString(1), new MasterKeys.Wrapped(rs.getBytes(2), rs.getString(3))))
          .forEach(stale::add);
      for (Map.Entry<String, MasterKeys.Wrapped> s : stale) {
        byte[] aad = VaultSecrets.aad(s.getKey());
        MasterKeys.Wrapped now = keys.wrap(keys.unwrap(s.getValue(), aad), aad);
        h.createUpdate("UPDATE vault_secrets SET wrapped = ?, master_key_id = ? WHERE name = ?")
            .bind(0, now.bytes()).bind(1, now.keyId()).bind(2, s.getKey()).execute();
        remaining.decrementAndGet();
      }
      return stale.size();
    });
  }

  @Override
  public void close() throws InterruptedException {
    if (worker != null) {
      worker.close();
    }
  }
}
