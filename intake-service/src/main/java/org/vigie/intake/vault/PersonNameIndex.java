package org.vigie.intake.vault;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigie.platform.crypto.HmacSha256;

/**
 * A name's keyed hash (HMAC-SHA256, first 16 bytes), stored beside the encrypted identity like the
 * foreigner number's ({@link ForeignerNumberIndex}): "Aminata KONÉ" and "Koné Aminata" have the same, so a
 * person opened twice without a foreigner number (a first request) is noticed, while the hash says nothing
 * of the name to whoever lacks the key. A name of one word (or of initials only) has none: too many people
 * share it.
 */
public final class PersonNameIndex {
  private static final byte[] NONE = new byte[0];
  private final byte[] key;

  /** @param numberIndexKey the vault's foreigner-number index key, from which this one is derived */
  public static PersonNameIndex derivedFrom(byte[] numberIndexKey) {
    return new PersonNameIndex(HmacSha256.of(numberIndexKey, "vigie-person-name-index".getBytes(StandardCharsets.UTF_8)));
  }

  public PersonNameIndex(byte[] key) {
    this.key = key.clone();
  }

  /** The hash of a name; empty when it has fewer than two words of two letters or more. */
  public byte[] of(String displayName) {
    return normalized(displayName)
        .map(n -> Arrays.copyOf(HmacSha256.of(key, n.getBytes(StandardCharsets.UTF_8)), 16))
        .orElse(NONE);
  }

  /** The name without accents, case, punctuation nor word order: "aminata kone"; empty under two words. */
  static Optional<String> normalized(String displayName) {
    if (displayName == null) {
      return Optional.empty();
    }
    String plain = Normalizer.normalize(displayName, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    String[] words = Arrays.stream(plain.split("[^\\p{L}]+")).filter(w -> w.length() >= 2).sorted().toArray(String[]::new);
    return words.length < 2 ? Optional.empty() : Optional.of(Arrays.stream(words).collect(Collectors.joining(" ")));
  }
}
