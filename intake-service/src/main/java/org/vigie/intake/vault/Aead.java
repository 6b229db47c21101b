package org.vigie.intake.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-256-GCM with a random 12-byte nonce stored in front of the ciphertext; AAD binds a blob to its place. */
final class Aead {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  /** Cipher.getInstance looks the provider up every time; a Cipher is re-initialised for every use, one per thread. */
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  });

  byte[] seal(SecretKey key, byte[] plain, byte[] aad) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = ciphers.get();
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad);
      byte[] ct = c.doFinal(plain);
      return ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
    return tryOpen(key, sealed, aad).orElseThrow(() -> new IllegalStateException("AES-GCM decryption failed (wrong key?)"));
  }

  /** Empty when the key is not the one that sealed it (or the blob was altered). */
  java.util.Optional<byte[]> tryOpen(SecretKey key, byte[] sealed, byte[] aad) {
    try {
      Cipher c = ciphers.get();
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      c.updateAAD(aad);
      return java.util.Optional.of(c.doFinal(sealed, NONCE, sealed.length - NONCE));
    } catch (javax.crypto.AEADBadTagException e) {
      return java.util.Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  byte[] randomKey() {
    byte[] k = new byte[32];
    random.nextBytes(k);
    return k;
  }
}
