package org.vigie.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvValuesTest {
  @Test
  void frenchDatesYesNoAndLabels() {
    assertThat(CsvValues.date("01/12/2026")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(CsvValues.date("1/2/2026")).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(CsvValues.date("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(CsvValues.date("31/02/2026")).isNull();
    assertThat(CsvValues.date("12/31/2026")).isNull();
    assertThat(CsvValues.yesNo("Oui")).isTrue();
    assertThat(CsvValues.yesNo("NON")).isFalse();
    assertThat(CsvValues.yesNo("peut-être")).isNull();
    assertThat(CsvValues.permitKind("Carte de résident")).isEqualTo("CARTE_RESIDENT");
    assertThat(CsvValues.permitKind("VLS-TS")).isEqualTo("VLS_TS");
    assertThat(CsvValues.procedure("Première demande")).isEqualTo("FIRST_REQUEST");
    assertThat(CsvValues.procedure("renouvellement")).isEqualTo("RENEWAL");
  }

  @Test
  void headersMatchWithoutAccentsCaseOrPunctuation() {
    assertThat(CsvColumns.match("Date d'expiration")).contains(CsvColumns.DATE_EXPIRATION);
    assertThat(CsvColumns.match("NUMÉRO ÉTRANGER")).contains(CsvColumns.NUMERO_ETRANGER);
    assertThat(CsvColumns.match("api_valide_jusqu_au")).contains(CsvColumns.API_VALIDE_JUSQU_AU);
    assertThat(CsvColumns.match("Bénévole")).contains(CsvColumns.BENEVOLE);
    assertThat(CsvColumns.match("couleur")).isEmpty();
  }

  @Test
  void asciiValuesNormalizeAsThroughTheUnicodePath() {
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 20_000; i++) {
      char[] c = new char[random.nextInt(24)];
      for (int k = 0; k < c.length; k++) {
        c[k] = (char) (0x20 + random.nextInt(0x5f));
      }
      String s = new String(c);
      String reference = java.text.Normalizer.normalize(s.strip().toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]", "");
      assertThat(CsvColumns.normalize(s)).as(s).isEqualTo(reference);
    }
    assertThat(CsvColumns.normalize(" Première  Demande ")).isEqualTo("premieredemande");
  }

  @Test
  void spreadsheetEncodingsAreDecoded() {
    assertThat(CsvImporter.decode("\uFEFFnom;département".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("nom;département");
    assertThat(CsvImporter.decode("département".getBytes(Charset.forName("windows-1252")))).isEqualTo("département");
  }
}
