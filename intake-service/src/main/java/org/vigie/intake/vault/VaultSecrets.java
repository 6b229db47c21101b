package org.vigie.intake.vault;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vigie.platform.crypto.HmacSha256;

/**
 * The service's own secrets, kept in {@code vault_secrets} wrapped by the master key, so that they
 * survive a rotation of that key unchanged (a rotation re-wraps them with the data keys).
 */
public final class VaultSecrets {
  /** Keys the hash of each imported CSV line (idempotent re-imports). */
  static final String IMPORT_ROW_KEY = "import-row-key";
  static final String FOREIGNER_NUMBER_INDEX_KEY = "foreigner-number-index-key";

  private final Jdbi jdbi;
  private final MasterKeys keys;

  public VaultSecrets(Jdbi jdbi, MasterKeys keys) {
    this.jdbi = jdbi;
    this.keys = keys;
  }

  /**
   * The key of the CSV import's line hashes. The first time, it is the one earlier versions derived
   * from the master key then in use (the previous one during a rotation), so that lines imported
   * before keep being recognised.
   */
  public byte[] importRowKey() {
    return findOrMake(IMPORT_ROW_KEY, () -> HmacSha256.of(keys.previous().orElse(keys.current()).key().getEncoded(),
        "vigie-import-row-key".getBytes(StandardCharsets.UTF_8)));
  }

  /** Keys the hash of each identity's foreigner number ({@link ForeignerNumberIndex}); random, made the first time. */
  public byte[] foreignerNumberIndexKey() {
    return findOrMake(FOREIGNER_NUMBER_INDEX_KEY, () -> new Aead().randomKey());
  }

  private byte[] findOrMake(String name, java.util.function.Supplier<byte[]> first) {
    return find(name).orElseGet(() -> {
      MasterKeys.Wrapped w = keys.wrap(first.get(), aad(name));
      jdbi.useHandle(h -> h.createUpdate("""
              INSERT INTO vault_secrets (name, wrapped, master_key_id) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING""")
          .bind(0, name).bind(1, w.bytes()).bind(2, w.keyId()).execute());
      // Another instance may have stored it first: what is stored is what every instance uses.
      return find(name).orElseThrow();
    });
  }

  private Optional<byte[]> find(String name) {
    return jdbi.withHandle(h -> h.createQuery("SELECT wrapped, master_key_id FROM vault_secrets WHERE name = ?").bind(0, name)
        .map((rs, ctx) -> new MasterKeys.Wrapped(rs.getBytes(1), rs.getString(2))).findOne())
        .map(w -> keys.unwrap(w, aad(name)));
  }

  static byte[] aad(String name) {
    return ("secret|" + name).getBytes(StandardCharsets.UTF_8);
  }
}
