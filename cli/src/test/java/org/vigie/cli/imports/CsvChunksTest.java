package org.vigie.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvChunksTest {
  private static final String SHEET = """
      Démarche;Département;Nom
      renouvellement;93;"Diallo; Amina"

      premiere demande;75;"Nom
      sur deux lignes"
      renouvellement;13;Martin
      """;

  @Test
  void chunksKeepTheHeaderTheDelimiterQuotedFieldsAndTheOriginalLineNumbers() {
    List<CsvChunks.Chunk> chunks = CsvChunks.split(SHEET, 2);

    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0).csv()).isEqualTo("""
        Démarche;Département;Nom
        renouvellement;93;"Diallo; Amina"
        premiere demande;75;"Nom
        sur deux lignes"
        """);
    assertThat(chunks.get(1).csv()).isEqualTo("Démarche;Département;Nom\nrenouvellement;13;Martin\n");
    // records 1, 2 (the blank line is skipped) and 3 of the file: lines as intake numbers them
    assertThat(chunks.get(0).originalLines()).containsExactly(2L, 3L);
    assertThat(chunks.get(1).originalLines()).containsExactly(4L);
    assertThat(chunks.get(1).originalLine(2)).isEqualTo(4L);
  }

  @Test
  void aCommaSeparatedFileStaysCommaSeparated() {
    List<CsvChunks.Chunk> chunks = CsvChunks.split("demarche,departement\nrenouvellement,93\n", 500);
    assertThat(chunks).singleElement().extracting(CsvChunks.Chunk::csv).isEqualTo("demarche,departement\nrenouvellement,93\n");
  }

  @Test
  void aHeaderOnlyFileIsOneChunkSoTheServerCanJudgeTheHeader() {
    assertThat(CsvChunks.split("demarche;departement\n", 10)).singleElement()
        .satisfies(c -> assertThat(c.originalLines()).isEmpty());
  }

  @Test
  void decodesUtf8WithBomAndWindows1252() {
    byte[] bom = "\uFEFFDémarche".getBytes(StandardCharsets.UTF_8);
    byte[] latin = "Démarche".getBytes(Charset.forName("windows-1252"));
    assertThat(CsvChunks.decode(bom)).isEqualTo("Démarche");
    assertThat(CsvChunks.decode(latin)).isEqualTo("Démarche");
  }

  @Test
  void aTitleAboveTheTableIsLeftOutAndTheRowsKeepTheirLineNumbers() {
    List<CsvChunks.Chunk> chunks = CsvChunks.split("Suivi 2026;;\n\nDémarche;Département\nrenouvellement;93\n", 10);

    assertThat(chunks.get(0).csv()).isEqualTo("Démarche;Département\nrenouvellement;93\n");
    assertThat(chunks.get(0).originalLines()).containsExactly(4L);
  }
}
