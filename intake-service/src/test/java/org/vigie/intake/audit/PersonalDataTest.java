package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.PdfDownloads;
import org.vigie.intake.support.TestIntake;
import org.vigie.schemas.wording.CaseReference;

/**
 * A person asks the association what it holds about them: the coordinator downloads a PDF with the
 * identity and the notes, journaled; after an erasure, it says the identity was erased.
 */
class PersonalDataTest {
  private static final Api API = TestIntake.api();

  @Test
  void theCoordinatorGetsThePersonsDataAsAPdfAndTheAccessIsJournaled() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "person":{"displayName":"Aminata Koné","foreignerNumber":"7512345670","phone":"+33 6 11 22 33 44"}}""").text("caseId");
    assertThat(API.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-10-02\",\"blockage\":\"ACCOUNT_LOCKED\","
            + "\"note\":\"Compte bloqué, rappeler lundi\"}").status()).isEqualTo(202);
    String path = AuditRoutes.PERSONAL_DATA.replace("{caseId}", caseId);

    String text = PdfDownloads.text(path, a.token());
    assertThat(text).contains("Vos données personnelles dans Vigie", "Dossier : " + CaseReference.of(caseId),
        "Nom : Aminata Koné", "Numéro étranger (AGDREF) : 7512345670", "Téléphone : +33 6 11 22 33 44",
        "02/10/2026", "Compte bloqué, rappeler lundi", "Association : Permanence", "effacées 2 ans après");
    assertThat(API.get("/api/v1/cases/" + caseId + "/identity-accesses", a.token()).json().at("/accesses/0/action").asText())
        .isEqualTo("PERSONAL_DATA");

    String volunteer = TestIntake.tokenFor(API, a, TestIntake.newVolunteer(API, a, "VOLUNTEER"));
    assertThat(API.get(path, volunteer).status()).isEqualTo(403);
    assertThat(API.get(path, TestIntake.newAssociation(API).token()).status()).isEqualTo(404);

    assertThat(API.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isIn(200, 202, 204);
    String erased = PdfDownloads.text(path, a.token());
    assertThat(erased).contains("Effacée le").doesNotContain("Aminata", "7512345670", "Compte bloqué");
  }
}
