package org.vigie.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/** An association's Excel workbook imported as is, its rows keeping their numbers in the report. */
class WorkbookImportTest {
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final Api api = TestIntake.api();

  @Test
  void anExcelWorkbookIsImportedWithItsDatesNumbersAndYesNoCells() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    byte[] workbook = workbook(java.util.Arrays.asList(
        new Object[] {"Référence", "Nom", "Numéro étranger", "Type titre", "Date d'expiration", "Démarche", "Département",
            "Salarié", "Allocations", "Date dépôt"},
        new Object[] {"W-1", "Awa Diallo", 1234567890L, "carte temporaire", LocalDate.of(2026, 12, 1), "renouvellement", 93,
            true, false, LocalDate.of(2026, 9, 15)},
        null,
        new Object[] {"W-2", "Ion Popescu", null, "carte temporaire", LocalDate.of(2026, 12, 1), "renouvellement", 99,
            false, false, null}));

    Api.Response r = post(a.token(), workbook);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("accepted").asInt()).isEqualTo(1);
    assertThat(report.get("rejected").asInt()).isEqualTo(1);
    assertThat(report.at("/report/0/line").asInt()).isEqualTo(2);
    assertThat(report.at("/report/1/line").asInt()).as("the empty row 3 keeps the rows' numbers").isEqualTo(4);
    assertThat(report.at("/report/1/column").asText()).isEqualTo("departement");

    JsonNode c = api.get("/api/v1/cases/" + report.at("/report/0/caseId").asText(), a.token()).json();
    assertThat(c.at("/permit/expiresOn").asText()).isEqualTo("2026-12-01");
    assertThat(c.at("/person/foreignerNumber").asText()).isEqualTo("1234567890");
    assertThat(c.get("department").asText()).isEqualTo("93");
    assertThat(c.get("employed").asBoolean()).isTrue();
    assertThat(c.get("timeline").toString()).contains("2026-09-15");
  }

  @Test
  void anOldXlsWorkbookOrAnUnreadableOneIsRefusedNamingTheBody() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
    Api.Response old = post(a.token(), xls);
    assertThat(old.status()).isEqualTo(400);
    assertThat(old.text("field")).isEqualTo("body");
    assertThat(old.text("detail")).contains(".xlsx");

    byte[] broken = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
    Api.Response unreadable = post(a.token(), broken);
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.text("field")).isEqualTo("body");
    assertThat(unreadable.text("detail")).contains("illisible");
  }

  @Test
  void aNumberShownWithLeadingZerosKeepsThem() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook book = new Workbook(out, "Vigie tests", "1.0");
    Worksheet sheet = book.newWorksheet("Dossiers");
    sheet.value(0, 0, "Téléphone");
    sheet.value(0, 1, "Département");
    sheet.value(1, 0, 612345678);
    sheet.style(1, 0).format("0000000000").set();
    sheet.value(1, 1, 93);
    book.finish();

    assertThat(new String(Workbooks.toCsv(out.toByteArray(), 10_000), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("Téléphone;Département\n0612345678;93\n");
  }

  @Test
  void aSheetWhoseCsvWouldPassTheLimitIsStoppedWhileRead() throws Exception {
    java.util.List<Object[]> rows = new java.util.ArrayList<>();
    rows.add(new Object[] {"Référence", "Nom"});
    for (int i = 0; i < 2_000; i++) {
      rows.add(new Object[] {"R-" + i, "Une personne au nom assez long pour remplir la feuille " + i});
    }
    byte[] workbook = workbook(rows);

    assertThat(Workbooks.toCsv(workbook, 1_000_000)).hasSizeGreaterThan(100_000);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Workbooks.toCsv(workbook, 50_000))
        .isInstanceOfSatisfying(org.vigie.intake.http.ApiProblem.class, p -> assertThat(p.status()).isEqualTo(413));
  }

  /** A workbook as Excel saves it: dates shown as days (two formats), numbers, yes/no cells, an empty row where a row is null. */
  private static byte[] workbook(List<Object[]> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook book = new Workbook(out, "Vigie tests", "1.0");
    Worksheet sheet = book.newWorksheet("Dossiers");
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      for (int c = 0; row != null && c < row.length; c++) {
        Object v = row[c];
        if (v instanceof String s) {
          sheet.value(r, c, s);
        } else if (v instanceof Number n) {
          sheet.value(r, c, n);
        } else if (v instanceof Boolean b) {
          sheet.value(r, c, b);
        } else if (v instanceof LocalDate d) {
          sheet.value(r, c, d);
          sheet.style(r, c).format(c == 4 ? "dd/mm/yyyy" : "yyyy-mm-dd").set();
        }
      }
    }
    book.finish();
    return out.toByteArray();
  }

  private Api.Response post(String token, byte[] body) {
    return api.sendBytes("POST", "/api/v1/imports", token, body, java.util.Map.of("Content-Type", XLSX));
  }
}
