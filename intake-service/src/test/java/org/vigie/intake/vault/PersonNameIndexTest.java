package org.vigie.intake.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A name is compared without its accents, case, punctuation and word order; a name of one word is not compared. */
class PersonNameIndexTest {
  private final PersonNameIndex names = new PersonNameIndex(new byte[32]);

  @Test
  void theSameNameWrittenOtherwiseHasTheSameHash() {
    assertThat(PersonNameIndex.normalized("Aminata KONÉ")).contains("aminata kone");
    assertThat(names.of("Koné, Aminata")).isEqualTo(names.of("  aminata   kone ")).isEqualTo(names.of("Aminata KONÉ")).hasSize(16);
    assertThat(PersonNameIndex.normalized("Jean-Pierre N'Diaye")).contains("diaye jean pierre");
    assertThat(names.of("Aminata Koné")).isNotEqualTo(names.of("Aminata Kane"));
  }

  @Test
  void aNameOfOneWordOrOfInitialsHasNone() {
    assertThat(names.of("Aminata")).isEmpty();
    assertThat(names.of("A. Koné")).isEmpty();
    assertThat(names.of("")).isEmpty();
    assertThat(names.of(null)).isEmpty();
  }

  @Test
  void anotherKeyGivesAnotherHash() {
    assertThat(new PersonNameIndex(new byte[] {1, 2, 3}).of("Aminata Koné")).isNotEqualTo(names.of("Aminata Koné"));
    assertThat(PersonNameIndex.derivedFrom(new byte[32]).of("Aminata Koné")).isNotEqualTo(names.of("Aminata Koné"));
  }
}
