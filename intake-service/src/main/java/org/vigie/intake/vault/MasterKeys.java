package org.vigie.intake.vault;

import java.util.Optional;

/**
 * The master key in use and, during a rotation, the one before it. New wrappings always use the
 * current key; a wrapped value is opened with the key its stored id names. A value stored before
 * ids existed (no id) was wrapped by whichever of the two opens it.
 */
public final class MasterKeys {
  private final MasterKey current;
  private final MasterKey previous;
  private final Aead aead = new Aead();

  public MasterKeys(MasterKey current, MasterKey previous) {
    this.current = current;
    this.previous = previous;
  }

  /** Only the current key: no rotation under way. */
  public static MasterKeys of(MasterKey current) {
    return new MasterKeys(current, null);
  }

  public MasterKey current() {
    return current;
  }

  public Optional<MasterKey> previous() {
    return Optional.ofNullable(previous);
  }

  /** A value wrapped by a master key, with that key's id. */
  public record Wrapped(byte[] bytes, String keyId) {}

  public Wrapped wrap(byte[] plain, byte[] aad) {
    return new Wrapped(aead.seal(current.key(), plain, aad), current.id());
  }

  /**
   * Opens a wrapped value with the key its id names (either key when it has none).
   *
   * @throws UnknownMasterKeyException when neither configured key is the one that wrapped it
   */
  public byte[] unwrap(Wrapped wrapped, byte[] aad) {
    if (wrapped.keyId() == null) {
      return unwrapUnlabelled(wrapped.bytes(), aad).value();
    }
    return aead.open(byId(wrapped.keyId()), wrapped.bytes(), aad);
  }

  /** What opened a value stored without a key id, and with which key. */
  record Opened(byte[] value, MasterKey by) {}

  Opened unwrapUnlabelled(byte[] wrapped, byte[] aad) {
    for (MasterKey k : previous == null ? new MasterKey[] {current} : new MasterKey[] {current, previous}) {
      Optional<byte[]> opened = aead.tryOpen(k.key(), wrapped, aad);
      if (opened.isPresent()) {
        return new Opened(opened.get(), k);
      }
    }
    throw new UnknownMasterKeyException(null, this);
  }

  private javax.crypto.SecretKey byId(String id) {
    if (id.equals(current.id())) {
      return current.key();
    }
    if (previous != null && id.equals(previous.id())) {
      return previous.key();
    }
    throw new UnknownMasterKeyException(id, this);
  }

  /** The ids configured, for messages: "current" or "current (previous: …)". */
  String describe() {
    return current.id() + (previous == null ? "" : " (previous: " + previous.id() + ")");
  }
}
