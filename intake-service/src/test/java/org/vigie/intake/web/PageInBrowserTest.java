package org.vigie.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TestIntake.Association;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.topics.Topics;

/**
 * The volunteers' page in headless Chromium, as a volunteer uses it: signed in with a token, opening a case and
 * recording its events through the forms, in French and in English; what the page shows, what the API then holds,
 * and no error in the browser's console. One browser for the class, each test a fresh visit.
 */
class PageInBrowserTest extends BrowserVisits {
  private static final Api API = TestIntake.api();
  private static final String OPENED = "Dossier ouvert.";
  private static final String RECORDED = "Événement enregistré.";
  /** An event the form records with its fields' defaults only. */
  private static final String CCC_ATTEMPT = "CCC_CONTACT_ATTEMPTED";
  /** When the permit of a case opened through the form expires. */
  private static final LocalDate PERMIT_EXPIRY = LocalDate.now().plusMonths(8);

  /** A name holding markup, typed in « Ouvrir un dossier »: shown as typed in the case list, the event form and the case, nothing run. */
  @Test
  void aNameTypedInTheFormIsShownAsTextAndNeverRunAsCode() {
    Association a = TestIntake.newAssociation(API);
    String name = "Awa <img src=x onerror=window.pwned=1> Diallo";
    browser.signIn(a.token());

    openCaseThroughTheForm(name);
    browser.awaitMessage(OPENED);

    String caseId = onlyCaseOf(a).path("caseId").asText();
    By row = caseRow(caseId);
    browser.waitUntil(d -> d.findElement(row).findElement(By.tagName("td")).getText().equals(name), "the case listed under its name");
    assertThat(browser.find(By.cssSelector("#caseId option[value='" + caseId + "']")).getText()).startsWith(name);
    browser.click(seeButton(caseId));
    browser.waitUntil(d -> d.findElement(By.id("caseRef")).getText().endsWith(name), "the case shown under its name");
    assertThat(browser.find(By.cssSelector("#identity [name=displayName]")).getDomProperty("value")).isEqualTo(name);

    assertThat(browser.findAll(By.cssSelector("#cases img, #caseId img, #caseRef img, #alerts img"))).as("markup made of the name").isEmpty();
    assertThat(browser.script("return typeof window.pwned")).as("code run from the name").isEqualTo("undefined");
  }

  /** « Ouvrir le dossier » clicked twice in a row (a double click, a second click while the first is under way) opens one case. */
  @Test
  void aDoubleClickOnOpenTheCaseOpensOneCase() {
    Association a = TestIntake.newAssociation(API);
    browser.signIn(a.token());

    fillNewCase("93");
    browser.doubleClick(By.cssSelector("#newCase > button"));
    browser.awaitMessage(OPENED);

    assertThat(casesOf(a)).as("cases opened by a double click").hasSize(1);
  }

  /** « Enregistrer » of the event form clicked twice in a row records the event once. */
  @Test
  void aDoubleClickOnRecordRecordsOneEvent() {
    Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    browser.signIn(a.token());

    browser.choose(By.id("caseId"), caseId);
    browser.choose(By.id("type"), CCC_ATTEMPT);
    browser.doubleClick(By.cssSelector("#event > button"));
    browser.awaitMessage(RECORDED);

    assertThat(eventsOf(a, caseId, CCC_ATTEMPT)).as("events recorded by a double click").hasSize(1);
  }

  /**
   * A volunteer whose token is revoked while the page is open: their next action (the alert list asked again)
   * says the token no longer works and offers the sign-in form.
   */
  @Test
  void aRevokedTokenTakesTheVolunteerBackToTheSignInFormSayingWhy() {
    Association a = TestIntake.newAssociation(API);
    String volunteer = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    TestIntake.newCase(API, a.token());
    browser.signIn(TestIntake.tokenFor(API, a, volunteer));

    revokeTokensOf(a, volunteer);
    browser.click(By.id("alertsWaiting")); // the alert list is asked again

    browser.awaitMessage("Jeton expiré ou révoqué : reconnectez-vous.");
    assertThat(browser.message()).isEqualTo("Jeton expiré ou révoqué : reconnectez-vous.");
    assertThat(browser.find(By.id("token")).isDisplayed()).as("the sign-in form's token field shown").isTrue();
    assertThat(browser.takeConsoleErrors()).as("the console's errors: the API's refusals of the revoked token")
        .allMatch(e -> e.contains("status of 401"), "a 401");
  }

  /** An event recorded through the form on the case shown (« Voir ») appears in its timeline without asking for it again. */
  @Test
  void anEventRecordedOnTheCaseShownAppearsInItsTimeline() {
    Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    browser.signIn(a.token());
    browser.click(seeButton(caseId));
    browser.waitUntil(d -> d.findElement(By.id("casePart")).isDisplayed()
        && !d.findElements(By.cssSelector("#caseTimeline tr")).isEmpty(), "the case's timeline");

    browser.click(By.id("recordOnCase"));
    browser.choose(By.id("type"), CCC_ATTEMPT);
    browser.click(By.cssSelector("#event > button"));
    browser.awaitMessage(RECORDED);

    String description = timelineDescription(a, caseId, eventsOf(a, caseId, CCC_ATTEMPT).get(0).path("eventId").asText());
    browser.waitUntil(d -> d.findElements(By.cssSelector("#caseTimeline tr td:nth-child(3)")).stream()
        .anyMatch(td -> td.getText().equals(description)), "the new event in the timeline shown: « " + description + " »");
  }

  /** A session that signs in, opens a case, records an event, goes to English and back: no error in the console. */
  @Test
  void noErrorInTheConsoleOpeningACaseRecordingAnEventAndSwitchingLanguages() {
    Association a = TestIntake.newAssociation(API);
    browser.signIn(a.token());
    openCaseThroughTheForm("Console Propre");
    browser.awaitMessage(OPENED);
    String caseId = onlyCaseOf(a).path("caseId").asText();
    browser.choose(By.id("caseId"), caseId);
    browser.choose(By.id("type"), CCC_ATTEMPT);
    browser.click(By.cssSelector("#event > button"));
    browser.awaitMessage(RECORDED);

    browser.switchLanguage();
    browser.waitUntil(d -> statusShown(caseId).equals("open"), "the case list in English");
    browser.switchLanguage();
    browser.waitUntil(d -> statusShown(caseId).equals("ouvert"), "the case list in French");

    assertThat(eventsOf(a, caseId, CCC_ATTEMPT)).hasSize(1);
    assertThat(browser.takeConsoleErrors()).as("errors in the browser's console").isEmpty();
  }

  /** The federation administrator's associations list, switched to English once shown: its buttons read in English. */
  @Test
  void inEnglishTheAdministratorsAssociationButtonsAreInEnglish() {
    Association a = TestIntake.newAssociation(API);
    String name = StreamSupport.stream(API.get("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN).json().path("associations").spliterator(), false)
        .filter(x -> x.path("associationId").asText().equals(a.id())).findFirst().orElseThrow().path("name").asText();
    By buttons = By.xpath("//tbody[@id='associations']/tr[td[1][normalize-space()=\"" + name + "\"]]//button");
    browser.signIn(TestIntake.ADMIN_TOKEN);
    browser.waitUntil(d -> labels(buttons).equals(List.of("Nouveau jeton de coordination", "Fermer l'association")),
        "the association's buttons in French");

    browser.switchLanguage();

    browser.waitUntil(d -> labels(buttons).equals(List.of("New coordination token", "Close the association")),
        () -> "the association's buttons in English, not " + labels(buttons));
  }

  /** A value the API refuses is said with the form's words: the field by its label, not by the API's name for it. */
  @Test
  void aRefusalNamesTheFieldAsTheFormLabelsIt() {
    Association a = TestIntake.newAssociation(API);
    browser.signIn(a.token());
    fillNewCase("999");
    browser.click(By.cssSelector("#newCase > button"));

    browser.awaitMessage("Refusé : ");
    assertThat(browser.message()).contains("« Département »").doesNotContain("'department'");
    assertThat(casesOf(a)).isEmpty();
    // the field refused takes the focus, marked invalid and described by the message
    assertThat(browser.script("const e = document.activeElement; return e.name + ' ' + e.getAttribute('aria-invalid')"))
        .isEqualTo("department true");

    // a refusal that names two fields names both by their labels
    String caseId = TestIntake.newCase(API, a.token());
    browser.open();
    browser.signIn(a.token());
    browser.choose(By.id("caseId"), caseId);
    browser.choose(By.id("type"), "API_ISSUED");
    browser.pickDate(By.id("validUntil"), LocalDate.now().minusDays(1));
    browser.click(By.cssSelector("#event > button"));
    browser.awaitMessage("Refusé : ");
    assertThat(browser.message()).isEqualTo("Refusé : Le champ « Valide jusqu'au » doit être postérieur à « Date » (la date de délivrance)");
    assertThat(browser.takeConsoleErrors()).as("the console's errors: the API's refusals")
        .allMatch(e -> e.contains("status of 422"), "a 422");
  }

  /** A decision's form asks for what goes with it: a new permit's end with a permit granted, the time to appeal with a refusal. */
  @Test
  void theDecisionFormShowsOnlyTheFieldsOfTheDecisionChosen() {
    Association a = TestIntake.newAssociation(API);
    String volunteer = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    TestIntake.newCase(API, a.token());
    browser.signIn(TestIntake.tokenFor(API, a, volunteer));
    assertThat(browser.find(By.id("importPart")).isDisplayed()).as("the coordinators' import, to a volunteer").isFalse();
    browser.choose(By.id("type"), "DECISION_RECEIVED");

    browser.choose(By.id("decision"), "GRANTED");
    assertThat(browser.find(By.id("newPermitExpiresOn")).isDisplayed()).isTrue();
    assertThat(browser.find(By.id("appealDeadline")).isDisplayed()).isFalse();
    browser.choose(By.id("decision"), "REFUSED");
    assertThat(browser.find(By.id("newPermitExpiresOn")).isDisplayed()).isFalse();
    assertThat(browser.find(By.id("appealDeadline")).isDisplayed()).isTrue();
    assertThat(browser.find(By.id("oqtfTerms")).isDisplayed()).isFalse();
    browser.choose(By.id("decision"), "REFUSED_WITH_OQTF");
    assertThat(browser.find(By.id("oqtfTerms")).isDisplayed()).isTrue();
  }

  /** A value out of range left in a field the event type no longer shows neither stops the form nor is sent. */
  @Test
  void aFieldTheEventNoLongerShowsDoesNotStopTheForm() {
    Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    browser.signIn(a.token());
    browser.choose(By.id("caseId"), caseId);
    browser.choose(By.id("type"), CCC_ATTEMPT);
    browser.type(By.id("waitMinutes"), "99999");
    browser.choose(By.id("type"), "SUBMISSION_RECORDED");
    browser.click(By.cssSelector("#event > button"));

    browser.awaitMessage(RECORDED);
    assertThat(eventsOf(a, caseId, "SUBMISSION_RECORDED")).hasSize(1);
    assertThat(eventsOf(a, caseId, CCC_ATTEMPT)).isEmpty();
  }

  /**
   * With the keyboard alone: « Voir » moves the focus to the case opened (a screen reader says which), recording an
   * event gives it back to the form's button, and the message saying what happened is on screen, wherever the form is.
   */
  @Test
  void aKeyboardUserIsToldWhatHappenedAndKeepsTheirPlace() {
    Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    browser.signIn(a.token());
    WebElement see = browser.waitUntil(d -> d.findElement(seeButton(caseId)), "the case's « Voir »");
    assertThat(see.getDomAttribute("aria-label")).as("the button names its case").contains(caseId.replace("-", "").substring(24).toUpperCase());
    browser.script("arguments[0].focus();", see);
    see.sendKeys(org.openqa.selenium.Keys.ENTER);
    browser.waitUntil(d -> "caseTitle".equals(browser.script("return document.activeElement.id")), "the focus on the case opened");

    browser.choose(By.id("caseId"), caseId);
    browser.choose(By.id("type"), CCC_ATTEMPT);
    WebElement record = browser.find(By.cssSelector("#event > button"));
    browser.script("arguments[0].focus();", record);
    record.sendKeys(org.openqa.selenium.Keys.ENTER);
    browser.awaitMessage(RECORDED);
    browser.waitUntil(d -> record.equals(browser.script("return document.activeElement")), "the focus back on « Enregistrer »");
    assertThat((Boolean) browser.script("const r = document.getElementById('message').getBoundingClientRect();"
        + " return r.top >= 0 && r.bottom <= window.innerHeight;")).as("the message in view").isTrue();
  }

  /** On a phone's width (360 px) a volunteer signs in and opens a case: every control needed can be reached and clicked. */
  @Test
  void onAPhoneAVolunteerSignsInAndOpensACase() {
    Association a = TestIntake.newAssociation(API);
    String volunteer = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    browser.resize(new Dimension(360, 800));
    assertThat(browser.script("return window.innerWidth")).as("the page's width").isEqualTo(360L);
    browser.signIn(TestIntake.tokenFor(API, a, volunteer));

    openCaseThroughTheForm("Sur Téléphone");
    browser.awaitMessage(OPENED);

    assertThat(onlyCaseOf(a).path("person").path("displayName").asText()).isEqualTo("Sur Téléphone");
  }

  /**
   * An association with no case yet: each of its tables says there is nothing in it (not an empty header row, hidden
   * with the table), in French, then in English once switched; a filter that leaves nothing says that nothing matches.
   */
  @Test
  void aTableWithNothingToShowSaysSoInTheLanguageChosen() {
    Association a = TestIntake.newAssociation(API);
    browser.signIn(a.token()); // the coordination's: the volunteers, the tokens, the report and the import too
    Map<String, String> french = new LinkedHashMap<>();
    french.put("alerts", "Aucune alerte ouverte.");
    french.put("followUps", "Aucun rendez-vous ni rappel dans les 7 prochains jours, et aucun en retard.");
    french.put("cases", "Aucun dossier pour l'instant : ouvrez le premier ci-dessous (« Ouvrir un dossier »).");
    french.put("rejected", "Les lignes refusées par un import s'afficheront ici.");
    french.put("team", "Aucun·e bénévole pour l'instant : ajoutez-en avec le formulaire ci-dessous.");
    french.put("alertMonths", "Aucune alerte levée sur vos dossiers pour l'instant.");
    french.forEach(this::awaitNothingIn);

    browser.switchLanguage();
    Map<String, String> english = new LinkedHashMap<>();
    english.put("alerts", "No open alert.");
    english.put("followUps", "No appointment or call in the next 7 days, and none late.");
    english.put("cases", "No case yet: open the first one below (\"Open a case\").");
    english.put("rejected", "The lines an import refuses will be shown here.");
    english.put("team", "No volunteer yet: add one with the form below.");
    english.put("alertMonths", "No alert raised on your cases yet.");
    english.forEach(this::awaitNothingIn);
    browser.click(By.id("alertsWaiting"));
    awaitNothingIn("alerts", "No open alert matches these criteria.");
    browser.resize(new Dimension(360, 800)); // where the alerts are cards: the table still hidden
    awaitNothingIn("alerts", "No open alert matches these criteria.");

    // cases there, none found: nothing matches, said until the search finds some again
    TestIntake.newCase(API, a.token());
    browser.open();
    browser.signIn(a.token());
    browser.waitUntil(d -> table("cases").isDisplayed(), "the case list");
    browser.type(By.id("caseSearch"), "personne-inconnue");
    awaitNothingIn("cases", "Aucun dossier ne correspond à ces critères.");
    browser.type(By.id("caseSearch"), "");
    browser.find(By.id("caseSearch")).sendKeys(" "); // an input event: the list filtered again
    browser.waitUntil(d -> table("cases").isDisplayed() && !d.findElement(By.id("casesEmpty")).isDisplayed(), "the case list again");
  }

  /** The lines an import refused are said in the language chosen, also when it is chosen after the import. */
  @Test
  void theLinesAnImportRefusedFollowTheLanguageSwitch() throws Exception {
    Association a = TestIntake.newAssociation(API);
    browser.signIn(a.token());
    java.nio.file.Path sheet = java.nio.file.Files.createTempFile("vigie-import", ".csv");
    try {
      java.nio.file.Files.writeString(sheet, "demarche;departement;type_titre;date_expiration\nrenouvellement;99;carte temporaire;01/12/2026\n");
      browser.find(By.id("csv")).sendKeys(sheet.toString());
      browser.click(By.cssSelector("#import button"));
      browser.awaitMessage("Import : 0 acceptée(s), 0 en double, 1 refusée(s).");
      By refusal = By.cssSelector("#rejected tr td:nth-child(3)");
      assertThat(browser.find(refusal).getText()).startsWith("Le champ 'departement' doit être un code de département");

      browser.switchLanguage();
      browser.waitUntil(d -> d.findElement(refusal).getText().contains("'departement' must be a French department code"),
          () -> "the refusal in English, not « " + browser.find(refusal).getText() + " »");
      assertThat(browser.findAll(By.cssSelector("#rejected tr"))).as("the refused line, once").hasSize(1);
    } finally {
      java.nio.file.Files.deleteIfExists(sheet);
    }
  }

  /**
   * A token the page shows once (a coordination token made by the federation administrator, a volunteer's made by the
   * coordination) is written again in the other language when the page switches, with the same token.
   */
  @Test
  void aTokenShownOnceIsWrittenAgainInTheOtherLanguage() {
    Association a = TestIntake.newAssociation(API);
    String name = StreamSupport.stream(API.get("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN).json().path("associations").spliterator(), false)
        .filter(x -> x.path("associationId").asText().equals(a.id())).findFirst().orElseThrow().path("name").asText();
    browser.signIn(TestIntake.ADMIN_TOKEN);
    browser.click(By.xpath("//tbody[@id='associations']/tr[td[1][normalize-space()=\"" + name + "\"]]//button[normalize-space()='Nouveau jeton de coordination']"));
    String french = "Jeton de coordination de « " + name + " », à transmettre maintenant (il ne sera plus affiché) : ";
    String token = tokenAfter(By.id("associationToken"), french);

    browser.switchLanguage();
    awaitText(By.id("associationToken"), "Coordination token of \"" + name + "\", pass it on now (it will not be shown again): " + token);
    browser.switchLanguage();
    awaitText(By.id("associationToken"), french + token);

    String volunteer = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    browser.open();
    browser.signIn(a.token());
    browser.click(By.xpath("//tbody[@id='team']/tr[td[1][normalize-space()='Bénévole']]//button[normalize-space()='Nouveau jeton']"));
    String volunteers = tokenAfter(By.id("newToken"), "Jeton de Bénévole, à lui transmettre maintenant (il ne sera plus affiché) : ");
    browser.switchLanguage();
    awaitText(By.id("newToken"), "Token for Bénévole, pass it on now (it will not be shown again): " + volunteers);
    assertThat(API.get("/api/v1/me", volunteers).json().path("volunteerId").asText()).as("the token shown").isEqualTo(volunteer);
  }

  /**
   * On a phone's width (360 px) an open alert is a card within the screen: its message as wide as the card rather than
   * squeezed in a column (a row was then over 800 px tall, and wider than the screen), and everything the table says of
   * it still shown; nothing on the page wider than the screen.
   */
  @Test
  void onAPhoneAnAlertIsACompactCardShowingAllOfIt() throws Exception {
    Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    LocalDate deadline = LocalDate.now(org.vigie.intake.IntakeService.ZONE).plusDays(3);
    publishAlert(a, caseId, deadline);
    browser.resize(new Dimension(360, 800));
    browser.signIn(a.token());

    WebElement row = browser.waitUntil(d -> d.findElement(By.cssSelector("#alerts tr")), "the alert");
    String ref = caseId.replace("-", "").substring(24).toUpperCase();
    assertThat(row.getText()).contains("critique", "Titre expiré sans API", ref, deadline.format(DateTimeFormatter.ofPattern("dd/MM/uuuu")),
        LONG_MESSAGE, "Je m'en occupe", "Voir le dossier");
    @SuppressWarnings("unchecked")
    Map<String, Object> sizes = (Map<String, Object>) browser.script("const row = arguments[0], message = row.cells[4];"
        + " const r = row.getBoundingClientRect(), m = message.getBoundingClientRect(), page = document.documentElement;"
        + " return {rowRight: r.right, rowWidth: r.width, messageWidth: m.width, screen: page.clientWidth, page: page.scrollWidth};", row);
    assertThat(((Number) sizes.get("rowRight")).doubleValue()).as("the alert's right edge, in " + sizes)
        .isLessThanOrEqualTo(((Number) sizes.get("screen")).doubleValue());
    assertThat(((Number) sizes.get("messageWidth")).doubleValue()).as("the message's width, in " + sizes)
        .isGreaterThan(0.9 * ((Number) sizes.get("rowWidth")).doubleValue());
    assertThat(((Number) sizes.get("page")).longValue()).as("the page's width, in " + sizes).isLessThanOrEqualTo(((Number) sizes.get("screen")).longValue());
  }

  /**
   * On a tablet's width (768 px) and a small laptop window's (900 px) every table fits the screen: none scrolls sideways
   * (the case list, the volunteers and the activity report did, 850 to 1150 px wide at 768 px), the page is no wider
   * than the screen, and each cell is shown whole; with long names, rules and messages, several alerts, a case list, a
   * case's timeline and notes, the coordination's tables and the federation administrator's. A table shown otherwise than
   * as a table (cards) keeps its roles, its headers still those of its cells for a screen reader.
   */
  @Test
  void onATabletOrALaptopEveryTableFitsTheScreenShowingAllOfIt() throws Exception {
    Association a = TestIntake.newAssociation(API);
    Api.Response volunteer = done(API.post("/api/v1/associations/" + a.id() + "/volunteers", a.token(),
        "{\"displayName\":\"Marie-Françoise Nkemdirim-Oyelaran\",\"email\":\"marie-francoise.nkemdirim-oyelaran-"
            + UUID.randomUUID().toString().substring(0, 8) + "@permanence-juridique.example.org\",\"role\":\"VOLUNTEER\"}"));
    String[] names = {"Abdelkader Benmansour-Ouedraogo", "Marie-Chantal Mbemba Nzuzi", "Oleksandr Tkachenko-Kovalenko", "Fatoumata Diarra"};
    String[] permits = {"AUTORISATION_PROVISOIRE_SEJOUR", "CERTIFICAT_RESIDENCE_ALGERIEN", "CARTE_RESIDENT_UE", "CARTE_TEMPORAIRE"};
    List<String> cases = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      cases.add(done(API.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("CARTE_TEMPORAIRE", permits[i])
          .replace("\"employed\"", "\"person\":{\"displayName\":\"" + names[i] + "\"},\"employed\""))).text("caseId"));
    }
    String shown = cases.get(0);
    LocalDate today = LocalDate.now(org.vigie.intake.IntakeService.ZONE);
    done(API.put("/api/v1/cases/" + shown + "/assignee", a.token(), "{\"volunteerId\":\"" + volunteer.text("volunteerId") + "\"}"));
    done(API.put("/api/v1/cases/" + shown + "/follow-up", a.token(), "{\"dueOn\":\"" + today.plusDays(2) + "\",\"kind\":\"CHECK\"}"));
    done(API.post("/api/v1/cases/" + shown + "/notes", a.token(), "{\"text\":\"" + LONG_MESSAGE.substring(0, 300) + "\"}"));
    done(API.post("/api/v1/cases/" + shown + "/events", a.token(), "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"" + today.minusDays(1)
        + "\",\"blockage\":\"PREVIOUS_PERMIT_HANDOVER_NOT_RECORDED\",\"note\":\"" + LONG_MESSAGE.substring(0, 200) + "\"}"));
    LocalDate deadline = today.plusDays(3);
    publishAlert(a, shown, deadline, Instant.now(), 1, RuleId.RENEWAL_DEADLINE, Severity.HIGH);
    publishAlert(a, shown, deadline.plusDays(1), Instant.now(), 2, RuleId.IMPLICIT_REJECTION, Severity.WARNING);
    publishAlert(a, cases.get(1), deadline, Instant.now(), 3, RuleId.PERMIT_EXPIRED_WITHOUT_API, Severity.CRITICAL);
    publishAlert(a, cases.get(2), deadline.plusDays(2), Instant.now(), 4, RuleId.HEALTH_COVER_CLOSING, Severity.WARNING);
    browser.signIn(a.token());
    browser.waitUntil(d -> d.findElements(By.cssSelector("#alerts tr")).size() == 4, "the four alerts");
    browser.click(seeButton(shown));
    browser.waitUntil(d -> d.findElements(By.cssSelector("#caseTimeline tr")).size() >= 4
        && !d.findElements(By.cssSelector("#caseNotes tr")).isEmpty() && !d.findElements(By.cssSelector("#accesses tr")).isEmpty(),
        "the case's timeline, notes and accesses");
    List<String> tables = List.of("alerts", "followUps", "cases", "caseTimeline", "caseNotes", "accesses", "team", "tokens", "rules", "alertMonths");
    browser.waitUntil(d -> tables.stream().allMatch(id -> table(id).isDisplayed()), "the association's tables filled");
    everyTableFits(tables);

    browser.open();
    browser.signIn(TestIntake.ADMIN_TOKEN);
    browser.waitUntil(d -> table("associations").isDisplayed() && table("comparison").isDisplayed(), "the federation's tables");
    everyTableFits(List.of("associations", "comparison"));
  }

  /** At 768, 900, 1024, 1100 and 1280 px wide (a tablet, a small laptop, a laptop), every table shown (these among them) fits the screen, every cell of it shown whole. */
  private void everyTableFits(List<String> tables) {
    for (int width : new int[] {768, 900, 1024, 1100, 1280}) {
      browser.resize(new Dimension(width, 900));
      browser.waitUntil(d -> ((Number) browser.script("return window.innerWidth")).intValue() == width, "the window " + width + " px wide");
      @SuppressWarnings("unchecked")
      Map<String, Object> found = (Map<String, Object>) browser.script(FITS);
      assertThat((List<Object>) found.get("tables")).as("the tables shown at " + width + " px").containsAll(tables);
      assertThat(((Number) found.get("page")).longValue()).as("the page's width at " + width + " px, in " + found)
          .isLessThanOrEqualTo(((Number) found.get("screen")).longValue());
      assertThat((List<?>) found.get("problems")).as("what does not fit at " + width + " px").isEmpty();
    }
  }

  /**
   * The tables shown (by their tbody's id), the screen's and the page's widths, and what does not fit: a table scrolling
   * sideways or past the screen's edge; a cell with something in it not shown, or whose text, buttons or choices go past
   * the cell, its table or the screen (a cell's first fault only); a table not shown as a table, without its roles.
   */
  private static final String FITS = """
      const page = document.documentElement, screen = page.clientWidth, problems = [], shown = [];
      const within = (r, left, right) => r.width === 0 || (r.left >= left - 1 && r.right <= right + 1);
      const span = r => Math.round(r.left) + ' to ' + Math.round(r.right) + ' px';
      document.querySelectorAll('table').forEach(table => {
        if (!table.getClientRects().length) return;
        const name = table.tBodies[0].id, box = table.getBoundingClientRect();
        shown.push(name);
        if (table.scrollWidth > table.clientWidth + 1) problems.push(name + ' scrolls sideways: ' + table.scrollWidth + ' px in ' + table.clientWidth);
        if (!within(box, 0, screen)) problems.push(name + ' from ' + span(box) + ', the screen ' + screen + ' px');
        const left = Math.max(0, box.left), right = Math.min(screen, box.right);
        const display = getComputedStyle(table.tBodies[0].rows[0]).display;
        if (display !== 'table-row' && table.getAttribute('role') !== 'table') problems.push(name + ' shown as ' + display + ' without its roles');
        Array.from(table.rows).filter(tr => tr.getClientRects().length).forEach((tr, y) => Array.from(tr.cells).forEach((cell, x) => {
          const fault = (() => {
            if (display !== 'table-row' && cell.getAttribute('role') !== (cell.tagName === 'TH' ? 'columnheader' : 'cell')) return 'no role';
            const r = cell.getBoundingClientRect(), style = getComputedStyle(cell);
            if (cell.tagName === 'TH' && r.width <= 1 && r.height <= 1) return null; // a header for screen readers only
            if (!cell.textContent.trim() && !cell.children.length) return null;
            if (style.display === 'none' || style.visibility !== 'visible' || r.width <= 1 || r.height <= 1) return 'not shown';
            if (!within(r, left, right)) return 'from ' + span(r) + ', its table from ' + span(box);
            if (cell.scrollWidth > cell.clientWidth + 1) return cell.scrollWidth + ' px of content in ' + cell.clientWidth;
            const text = document.createRange();
            text.selectNodeContents(cell);
            const out = [text, ...cell.querySelectorAll('*')]
              .find(part => !within(part.getBoundingClientRect(), Math.max(left, r.left), Math.min(right, r.right)));
            return out ? 'its ' + (out.tagName || 'text') + ' from ' + span(out.getBoundingClientRect()) + ', the cell from ' + span(r) : null;
          })();
          if (fault) problems.push(name + ' row ' + y + ' cell ' + x + ' « ' + cell.textContent.trim().slice(0, 30) + ' »: ' + fault);
        }));
      });
      return {screen, page: page.scrollWidth, tables: shown, problems};
      """;

  /**
   * A deadline already behind an alert when it was raised (a trigger day recorded late) is said to be before the alert,
   * as the mails say it, not « passée »; one passed since the alert was raised is « passée ».
   */
  @Test
  void aDeadlineBeforeTheAlertIsNotSaidPassed() throws Exception {
    Association a = TestIntake.newAssociation(API);
    LocalDate today = LocalDate.now(org.vigie.intake.IntakeService.ZONE);
    String recordedLate = TestIntake.newCase(API, a.token());
    publishAlert(a, recordedLate, today.minusDays(5), Instant.now(), 1);
    String passedSince = TestIntake.newCase(API, a.token());
    publishAlert(a, passedSince, today.minusDays(3), Instant.now().minus(java.time.Duration.ofDays(10)), 2);
    browser.signIn(a.token());

    DateTimeFormatter french = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    browser.waitUntil(d -> d.findElements(By.cssSelector("#alerts tr")).size() == 2, "the two alerts");
    assertThat(alertRow(recordedLate).getText()).contains(today.minusDays(5).format(french) + " (antérieure à l'alerte)")
        .doesNotContain("(passée)");
    assertThat(alertRow(passedSince).getText()).contains(today.minusDays(3).format(french) + " (passée)");
    browser.switchLanguage();
    browser.waitUntil(d -> alertRow(recordedLate).getText().contains(" (before the alert)")
        && alertRow(passedSince).getText().contains(" (passed)"), "the English words");
  }

  /**
   * French as it is printed: an alert's message keeps « : » and « ; » with the word before them (a non-breaking space,
   * which a phone does not break), and so do the page's messages; English as written.
   */
  @Test
  void frenchPunctuationKeepsTheWordBeforeIt() throws Exception {
    Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    publishAlert(a, caseId, LocalDate.now(org.vigie.intake.IntakeService.ZONE).plusDays(3));
    browser.signIn(a.token());

    browser.waitUntil(d -> d.findElements(By.cssSelector("#alerts tr")).size() == 1, "the alert");
    String french = (String) browser.script("return document.querySelector('#alerts tr').cells[4].textContent");
    assertThat(LONG_MESSAGE).contains(" : ", " ; ");
    assertThat(french).isEqualTo(LONG_MESSAGE.replace(" :", "\u00a0:").replace(" ;", "\u00a0;"));
    browser.switchLanguage();
    browser.waitUntil(d -> "The residence permit expired and no API was issued.".equals(
        browser.script("return document.querySelector('#alerts tr').cells[4].textContent")), "the English message as written");
  }

  /** An API call that succeeded, its answer. */
  private static Api.Response done(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    return r;
  }

  /** The row of the alert list about this case. */
  private WebElement alertRow(String caseId) {
    String ref = caseId.replace("-", "").substring(24).toUpperCase();
    return browser.findAll(By.cssSelector("#alerts tr")).stream().filter(tr -> tr.getText().contains(ref)).findFirst()
        .orElseThrow(() -> new AssertionError("no alert row about " + ref));
  }

  /**
   * A closure dated before the case's opening is refused in the event form's words, saying the opening day and what to
   * do; an opening corrected to a day after the closure is refused in the case form's (« Ouvert le »), which takes the focus.
   */
  @Test
  void aClosureBeforeTheOpeningIsRefusedInTheFormsWords() {
    Association a = TestIntake.newAssociation(API);
    LocalDate openedOn = LocalDate.now(org.vigie.intake.IntakeService.ZONE).minusDays(10);
    Api.Response opened = API.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"openedOn\":\"" + openedOn + "\",\"employed\""));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String caseId = opened.text("caseId");
    DateTimeFormatter french = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    browser.signIn(a.token());

    browser.choose(By.id("caseId"), caseId);
    browser.choose(By.id("type"), "CASE_CLOSED");
    browser.pickDate(By.id("occurredOn"), openedOn.minusDays(1));
    browser.click(By.cssSelector("#event > button"));
    browser.awaitMessage("Refusé : ");
    assertThat(browser.message()).isEqualTo("Refusé : Le champ « Date » (la clôture) est antérieur à l'ouverture du dossier, le "
        + openedOn.format(french) + " ; si le suivi a commencé plus tôt, corrigez d'abord la date d'ouverture");
    assertThat(eventsOf(a, caseId, "CASE_CLOSED")).isEmpty();

    Api.Response closed = API.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + openedOn.plusDays(5) + "\"}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
    browser.open();
    browser.signIn(a.token());
    browser.click(seeButton(caseId));
    // the opening: the one event corrected, never withdrawn
    browser.click(By.xpath("//tbody[@id='caseTimeline']/tr[.//button[normalize-space()='Corriger'] and not(.//button[normalize-space()='Retirer'])]"
        + "//button[normalize-space()='Corriger']"));
    browser.waitUntil(d -> d.findElement(By.id("openedOn")).isDisplayed(), "the opening's date in the case form");
    browser.pickDate(By.id("openedOn"), openedOn.plusDays(6));
    browser.click(By.cssSelector("#newCase > button"));
    browser.awaitMessage("Refusé : ");
    assertThat(browser.message()).isEqualTo("Refusé : Le champ « Ouvert le » (l'ouverture) est postérieur à la clôture du dossier, le "
        + openedOn.plusDays(5).format(french) + " ; corrigez d'abord la date de clôture");
    assertThat(browser.script("const e = document.activeElement; return e.id + ' ' + e.getAttribute('aria-invalid')")).isEqualTo("openedOn true");
    assertThat(browser.takeConsoleErrors()).as("the console's errors: the API's refusals").allMatch(e -> e.contains("status of 422"), "a 422");
  }

  /** An alert's message as long as the rules write them: what happened, the next steps, the reminder it is no legal computation. */
  private static final String LONG_MESSAGE = "Le titre de séjour a expiré le 1 novembre 2026, le renouvellement est en cours et aucune "
      + "attestation de prolongation d'instruction (API) n'a été délivrée. La personne n'a plus de document prouvant son droit au "
      + "séjour. Relancer le Centre de contact citoyen (CCC, formulaire ou téléphone) et se rendre au point d'accueil numérique de "
      + "la préfecture ; saisir en parallèle le Défenseur des droits. Sans réponse, un avocat ou l'association peut saisir le "
      + "tribunal administratif d'un référé mesures utiles (CJA L.521-3). Alerte d'aide au suivi, pas un calcul juridique "
      + "opposable : vérifier les dates.";

  /** A critical alert on the case as the rules publish it, once intake's read model lists it. */
  private static void publishAlert(Association a, String caseId, LocalDate deadline) throws InterruptedException, ExecutionException {
    publishAlert(a, caseId, deadline, Instant.now(), 1);
  }

  /** An alert raised at {@code at} on the case, once intake lists {@code total} alerts of the association. */
  private static void publishAlert(Association a, String caseId, LocalDate deadline, Instant at, int total)
      throws InterruptedException, ExecutionException {
    publishAlert(a, caseId, deadline, at, total, RuleId.PERMIT_EXPIRED_WITHOUT_API, Severity.CRITICAL);
  }

  /** The same, of a rule and a severity (its message the same long one); the page's other tests publish theirs with it. */
  static void publishAlert(Association a, String caseId, LocalDate deadline, Instant at, int total, RuleId rule, Severity severity)
      throws InterruptedException, ExecutionException {
    CaseAlert alert = CaseAlert.newBuilder().setAlertId("page-" + UUID.randomUUID()).setCaseId(caseId).setAssociationId(a.id())
        .setRule(rule).setSeverity(severity).setStatus(AlertStatus.RAISED)
        .setEpisodeStart(deadline.minusDays(30)).setRaisedAt(at).setEmittedAt(at).setDeadline(deadline).setReference("CESEDA R.431-15-1")
        .setTextVersionDate(LocalDate.of(2026, 1, 1)).setRuleVersion("1")
        .setMessage(new AlertMessage(LONG_MESSAGE, "The residence permit expired and no API was issued.")).build();
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("page-alerts"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, alert)).get();
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> API.get("/api/v1/alerts", a.token()).json().path("total").asInt() == total);
  }

  /** The table of a list (its tbody's id). */
  private WebElement table(String tbody) {
    return browser.find(By.xpath("//tbody[@id='" + tbody + "']/ancestor::table"));
  }

  /** Waits until the list is hidden and the sentence under it says {@code text}. */
  private void awaitNothingIn(String tbody, String text) {
    By note = By.id(tbody + "Empty");
    browser.waitUntil(d -> !table(tbody).isDisplayed() && d.findElement(note).isDisplayed() && d.findElement(note).getText().equals(text),
        () -> "« " + text + " » instead of the list " + tbody + ", not « " + browser.findAll(note).stream().map(WebElement::getText).toList() + " »");
  }

  private void awaitText(By by, String text) {
    browser.waitUntil(d -> d.findElement(by).getText().equals(text), () -> "« " + text + " », not « " + browser.find(by).getText() + " »");
  }

  /** The token a line shown once gives after {@code words}. */
  private String tokenAfter(By line, String words) {
    browser.waitUntil(d -> d.findElement(line).getText().startsWith(words), () -> "« " + words + "… », not « " + browser.find(line).getText() + " »");
    String token = browser.find(line).getText().substring(words.length());
    assertThat(token).isNotBlank().doesNotContain(" ");
    return token;
  }

  private void openCaseThroughTheForm(String name) {
    browser.type(By.cssSelector("#newCase [name='person.displayName']"), name);
    fillNewCase("93");
    browser.click(By.cssSelector("#newCase > button"));
  }

  /** The fields « Ouvrir un dossier » needs: the permit's end and the department. */
  private void fillNewCase(String department) {
    browser.pickDate(By.cssSelector("#newCase [name='permit.expiresOn']"), PERMIT_EXPIRY);
    browser.type(By.cssSelector("#newCase [name=department]"), department);
  }

  private static By caseRow(String caseId) {
    return By.cssSelector("#cases tr[data-case-id='" + caseId + "']");
  }

  private static By seeButton(String caseId) {
    return By.xpath("//tbody[@id='cases']/tr[@data-case-id='" + caseId + "']//button[normalize-space()='Voir']");
  }

  /** The case's status as the case list shows it. */
  private String statusShown(String caseId) {
    return browser.find(caseRow(caseId)).findElements(By.tagName("td")).get(5).getText();
  }

  private List<String> labels(By buttons) {
    return browser.findAll(buttons).stream().map(WebElement::getText).toList();
  }

  private static List<JsonNode> casesOf(Association a) {
    Api.Response r = API.get("/api/v1/cases?status=all&limit=200", a.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return list(r.json().path("cases"));
  }

  private static JsonNode onlyCaseOf(Association a) {
    List<JsonNode> cases = casesOf(a);
    assertThat(cases).hasSize(1);
    return cases.get(0);
  }

  /** The case's recorded events of a type. */
  private static List<JsonNode> eventsOf(Association a, String caseId, String type) {
    Api.Response r = API.get("/api/v1/cases/" + caseId, a.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return list(r.json().path("timeline")).stream().filter(e -> e.path("type").asText().equals(type)).toList();
  }

  /** How the case's timeline describes an event, in French. */
  private static String timelineDescription(Association a, String caseId, String eventId) {
    Api.Response r = API.get("/api/v1/cases/" + caseId + "/timeline?format=json", a.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return list(r.json().path("entries")).stream().filter(e -> e.path("eventId").asText().equals(eventId))
        .findFirst().orElseThrow(() -> new AssertionError("no event " + eventId + " in " + r)).path("description").asText();
  }

  private static void revokeTokensOf(Association a, String volunteerId) {
    String tokens = "/api/v1/associations/" + a.id() + "/tokens";
    Api.Response r = API.get(tokens, a.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> ids = list(r.json().path("tokens")).stream().filter(k -> k.path("volunteerId").asText().equals(volunteerId))
        .map(k -> k.path("tokenId").asText()).toList();
    assertThat(ids).isNotEmpty();
    ids.forEach(id -> {
      Api.Response revoked = API.delete(tokens + "/" + id, a.token());
      assertThat(revoked.status()).as(revoked.toString()).isBetween(200, 299);
    });
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
