package org.vigie.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.vigie.intake.cases.EventType;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.wording.CodeWording;

/** The volunteers' page: served, French first with every visible text also in English, and in step with the API's values. */
class WebPageTest {
  private static final Api API = TestIntake.api();

  private static Document page() {
    Api.Response r = API.get("/", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    return Jsoup.parse(r.body());
  }

  @Test
  void frenchFirstAndEveryVisibleTextAlsoInEnglish() {
    Document page = page();
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
    List<String> untranslated = page.getAllElements().stream()
        .filter(e -> !e.ownText().isBlank())
        .filter(e -> !e.nameIs("script") && !e.nameIs("style") && !e.id().equals("lang"))
        .filter(e -> e.attr("data-en").isBlank())
        .map(Element::outerHtml)
        .toList();
    assertThat(untranslated).as("visible texts without data-en").isEmpty();
    assertThat(page.select("[data-en]").stream().filter(e -> !e.children().isEmpty()).map(Element::outerHtml))
        .as("a translated element holds only text: switching languages replaces its content").isEmpty();
    assertThat(page.getElementById("lang")).isNotNull();
  }

  @Test
  void everyFieldHasANameAScreenReaderCanSayAndTheContentIsInTheMainLandmark() {
    Document page = page();
    List<String> unnamed = page.select("input, select, textarea").stream()
        .filter(f -> !f.attr("type").equals("hidden"))
        .filter(f -> f.closest("label") == null && f.attr("aria-label").isBlank() && f.attr("aria-labelledby").isBlank()
            && (f.id().isBlank() || page.select("label[for=" + f.id() + "]").isEmpty()))
        .map(Element::outerHtml)
        .toList();
    assertThat(unnamed).as("fields without a label").isEmpty();
    assertThat(page.select("th").stream().filter(th -> th.text().isBlank()).map(Element::outerHtml))
        .as("column headers without text").isEmpty();
    assertThat(page.select("img").stream().filter(img -> !img.hasAttr("alt")).map(Element::outerHtml))
        .as("images without alt").isEmpty();
    assertThat(page.select("main")).hasSize(1);
    assertThat(page.body().children().stream().filter(e -> !e.nameIs("main") && !e.nameIs("script")).map(Element::tagName))
        .as("content outside the main landmark").isEmpty();
  }

  @Test
  void theFormOffersTheValuesTheApiAccepts() {
    Document page = page();
    assertThat(values(page, "blockage")).isEqualTo(names(BlockageKind.values()));
    assertThat(values(page, "procedure")).isEqualTo(names(Procedure.values()));
    assertThat(values(page, "channel")).isEqualTo(names(CccChannel.values()));
    assertThat(values(page, "outcome")).isEqualTo(names(CccOutcome.values()));
    assertThat(values(page, "decision")).isEqualTo(names(Decision.values()));
    assertThat(values(page, "oqtfTerms")).as("with the empty choice: not read yet")
        .isEqualTo(java.util.stream.Stream.concat(names(org.vigie.schemas.OqtfTerms.values()).stream(),
            java.util.stream.Stream.of("")).collect(Collectors.toSet()));
    assertThat(values(page, "appeal")).isEqualTo(names(AppealKind.values()));
    assertThat(values(page, "permitKind")).isEqualTo(names(PermitKind.values()));
    assertThat(values(page, "caseProcedure")).isEqualTo(names(Procedure.values()));
    assertThat(values(page, "volunteerRole")).isEqualTo(names(org.vigie.schemas.VolunteerRole.values()));
    assertThat(values(page, "cLanguage")).isEqualTo(Set.of("fr", "en"));
    Set<String> tables = page.select("[data-table]").stream().map(b -> b.attr("data-table")).collect(Collectors.toSet());
    assertThat(tables).isEqualTo(Arrays.stream(org.vigie.audit.stats.StatsCsv.Table.values())
        .map(t -> t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).collect(Collectors.toSet()));
    assertThat(tables).allSatisfy(t -> assertThat(org.vigie.audit.stats.StatsCsv.Table.parse(t)).isPresent());
    Set<String> postable = Arrays.stream(EventType.values()).filter(EventType::postable).map(Enum::name).collect(Collectors.toSet());
    assertThat(values(page, "type")).isSubsetOf(postable).contains("SITUATION_UPDATED", "BLOCKAGE_REPORTED", "DECISION_RECEIVED");
  }

  @Test
  void everyRuleAndThresholdOfTheSettingsHasItsWordsInBothLanguages() {
    String script = page().select("script").html();
    Map<String, String> words = new java.util.HashMap<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+): \\['([^']+)', '([^']+)'\\]").matcher(script);
    while (m.find()) {
      words.put(m.group(1), m.group(2) + " / " + m.group(3));
    }
    for (RuleId rule : RuleId.values()) {
      assertThat(words.get(rule.name())).as("the words of the e-mails and timelines for %s", rule)
          .isEqualTo(capitalized(CodeWording.FRENCH.of(rule)) + " / " + capitalized(CodeWording.ENGLISH.of(rule)));
    }
    for (String key : RuleEngine.standard().defaults().thresholds().keySet()) {
      assertThat(words).as("words for %s", key).containsKey(key.substring(key.indexOf('.') + 1));
    }
  }

  private static String capitalized(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  @Test
  void theNewCaseFormSendsWhatTheApiTakes() {
    TestIntake.Association a = TestIntake.newAssociation(API);
    // the body the page's script builds: each named field at its dotted path, filled as a volunteer would
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    for (Element field : page().select("#newCase [name]")) {
      String[] path = field.attr("name").split("\\.");
      ObjectNode parent = body;
      for (int i = 0; i < path.length - 1; i++) {
        parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
      }
      String leaf = path[path.length - 1];
      switch (field.nameIs("select") ? "select" : field.attr("type")) {
        case "select" -> parent.put(leaf, field.selectFirst("option").attr("value"));
        case "checkbox" -> parent.put(leaf, true);
        case "date" -> parent.put(leaf, LocalDate.now().plusMonths(3).toString());
        default -> parent.put(leaf, SAMPLES.get(leaf));
      }
    }
    assertThat(body.path("person").size()).isEqualTo(3);

    Api.Response opened = API.post("/api/v1/cases", a.token(), body.toString());

    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    JsonNode c = API.get("/api/v1/cases/" + opened.text("caseId"), a.token()).json();
    assertThat(c.at("/person/displayName").asText()).isEqualTo("Awa Diallo");
    assertThat(c.get("department").asText()).isEqualTo("93");
  }

  private static final Map<String, String> SAMPLES = Map.of(
      "displayName", "Awa Diallo", "foreignerNumber", "0123456789", "phone", "06 12 34 56 78", "department", "93");

  private static Set<String> values(Document page, String select) {
    return page.select("#" + select + " > option").stream().map(o -> o.attr("value")).collect(Collectors.toSet());
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
  }
}
