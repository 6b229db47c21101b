package org.vigie.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportTallyTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void linesImportedBeforeAreCountedWhenCompletedAndTheirNoticesKeptWithTheirLineInTheFile() throws Exception {
    // the second chunk of a file: its lines 2 and 3 are the file's lines 12 and 13
    CsvChunks.Chunk chunk = new CsvChunks.Chunk("header\na\nb\n", List.of(12L, 13L));
    ImportCommand.ImportTally tally = new ImportCommand.ImportTally(2);
    tally.add(json.readTree("""
        {"accepted":0,"duplicates":2,"rejected":0,"events":1,"report":[
          {"line":2,"status":"DUPLICATE","caseId":"c-1","eventsAdded":1},
          {"line":3,"status":"DUPLICATE","caseId":"c-2","notice":"Ce dossier est clos ; aucun événement ne peut y être enregistré"}]}
        """), chunk);

    assertThat(tally.summary()).contains("2 déjà importées").contains("1 lignes déjà importées complétées de faits nouveaux");
    assertThat(tally.notices()).containsExactly("ligne/line 13: Ce dossier est clos ; aucun événement ne peut y être enregistré");
    assertThat(tally.rejected()).isZero();
  }
}
