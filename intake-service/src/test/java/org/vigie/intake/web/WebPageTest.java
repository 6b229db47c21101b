package org.vigie.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.vigie.intake.cases.EventType;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.Procedure;

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
  void theFormOffersTheValuesTheApiAccepts() {
    Document page = page();
    assertThat(values(page, "blockage")).isEqualTo(names(BlockageKind.values()));
    assertThat(values(page, "procedure")).isEqualTo(names(Procedure.values()));
    assertThat(values(page, "channel")).isEqualTo(names(CccChannel.values()));
    assertThat(values(page, "outcome")).isEqualTo(names(CccOutcome.values()));
    assertThat(values(page, "decision")).isEqualTo(names(Decision.values()));
    Set<String> postable = Arrays.stream(EventType.values()).filter(EventType::postable).map(Enum::name).collect(Collectors.toSet());
    assertThat(values(page, "type")).isSubsetOf(postable).contains("SITUATION_UPDATED", "BLOCKAGE_REPORTED", "DECISION_RECEIVED");
  }

  private static Set<String> values(Document page, String select) {
    return page.select("#" + select + " > option").stream().map(o -> o.attr("value")).collect(Collectors.toSet());
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
  }
}
