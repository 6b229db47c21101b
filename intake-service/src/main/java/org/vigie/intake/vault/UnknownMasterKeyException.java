package org.vigie.intake.vault;

/** A vault value was wrapped by a master key that is not configured (a wrong or missing VIGIE_MASTER_KEY). */
public final class UnknownMasterKeyException extends IllegalStateException {
  UnknownMasterKeyException(String keyId, MasterKeys configured) {
    super((keyId == null ? "A vault value stored without a key id" : "A vault value wrapped by master key " + keyId)
        + " opens with no configured key (VIGIE_MASTER_KEY " + configured.describe() + ")");
  }
}
