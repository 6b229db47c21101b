package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.PdfDownloads;
import org.vigie.intake.support.TestIntake;

/**
 * Follow-up notes on a case: written by a member, read by the association, deleted by their writer or a
 * coordinator, encrypted (never in clear in the database), handed to the person with their data, and gone
 * with the case's erasure.
 */
class CaseNotesTest {
  private static final Api API = TestIntake.api();

  @Test
  void aNoteIsReadByTheAssociationDeletedByItsWriterAndErasedWithTheCase() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String writer = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    String writerToken = TestIntake.tokenFor(API, a, writer);
    String otherToken = TestIntake.tokenFor(API, a, TestIntake.newVolunteer(API, a, "VOLUNTEER"));
    String caseId = TestIntake.newCase(API, a.token());
    String notes = CaseNoteRoutes.NOTES.replace("{caseId}", caseId);

    Api.Response written = API.post(notes, writerToken, "{\"text\":\"Rendez-vous au point d'accueil numérique le 12, apporter le passeport\"}");
    assertThat(written.status()).as(written.toString()).isEqualTo(201);
    assertThat(written.body()).doesNotContain("passeport");
    String noteId = written.text("noteId");
    assertThat(API.post(notes, a.token(), "{\"text\":\"Appel de la CAF prévu\"}").status()).isEqualTo(201);

    JsonNode listed = API.get(notes, otherToken).json().get("notes");
    assertThat(listed).hasSize(2);
    assertThat(listed.get(0).get("text").asText()).startsWith("Rendez-vous au point d'accueil");
    assertThat(listed.get(0).get("writtenBy").asText()).isEqualTo(writer);
    assertThat(listed.get(1).get("writtenBy").asText()).isEqualTo("association");
    try (var c = java.sql.DriverManager.getConnection(TestIntake.databaseUrl()); var s = c.createStatement();
        var rs = s.executeQuery("SELECT ciphertext FROM intake.notes WHERE note_id = '" + noteId + "'")) {
      rs.next();
      assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("passeport");
    }

    assertThat(API.get(notes, TestIntake.newAssociation(API).token()).status()).isEqualTo(404);
    Api.Response empty = API.post(notes, writerToken, "{\"text\":\"\"}");
    assertThat(empty.status()).isIn(400, 422);
    assertThat(empty.json().get("field").asText()).isEqualTo("text");
    assertThat(API.post(notes, writerToken, "{\"text\":\"" + "x".repeat(CaseRequests.NOTE_MAX + 1) + "\"}").status()).isIn(400, 422);

    String one = notes + "/" + noteId;
    assertThat(API.delete(one, otherToken).status()).as("not its writer").isEqualTo(403);
    assertThat(API.delete(one, writerToken).status()).isEqualTo(204);
    assertThat(API.delete(one, writerToken).status()).isEqualTo(404);
    assertThat(API.get(notes, a.token()).json().get("notes")).hasSize(1);

    assertThat(PdfDownloads.text("/api/v1/cases/" + caseId + "/personal-data", a.token())).contains("Appel de la CAF prévu");

    assertThat(API.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isIn(200, 202, 204);
    assertThat(API.get(notes, a.token()).json().get("notes")).isEmpty();
    assertThat(API.post(notes, a.token(), "{\"text\":\"Encore\"}").status()).isEqualTo(409);
  }
}
