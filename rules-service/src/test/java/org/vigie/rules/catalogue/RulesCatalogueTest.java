package org.vigie.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vigie.rules.rule.Rules;
import org.vigie.schemas.RuleId;

/** docs/rules.md is generated from the code; this fails when it is stale. */
class RulesCatalogueTest {
  private static final Path DOC = Path.of("../docs/rules.md");

  @Test
  void theCatalogueInDocsIsUpToDate() throws Exception {
    String generated = RulesCatalogue.markdown(Rules.all());
    if (Boolean.getBoolean("vigie.docs.update")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC)).as("docs/rules.md is missing: run with -Dvigie.docs.update=true").isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/rules.md is stale: run mvn -o test -pl rules-service -Dtest=RulesCatalogueTest -Dvigie.docs.update=true")
        .isEqualTo(generated);
  }

  @Test
  void everyRuleIsInTheCatalogue() {
    String generated = RulesCatalogue.markdown(Rules.all());
    for (RuleId id : RuleId.values()) {
      assertThat(generated).contains("| `" + id + "` |");
    }
  }
}
