package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The topology's shape is a contract (state store and changelog names survive deployments): any
 * change to it must be deliberate. Regenerate with {@code -Dvigie.golden.update=true}.
 */
class TopologyDescriptionTest {
  private static final Path GOLDEN = Path.of("src/test/resources/topology-description.txt");

  @Test
  void describeMatchesTheGoldenFile() throws Exception {
    String described = RulesTopology.build(RulesConfig.defaults()).describe().toString();
    if (Boolean.getBoolean("vigie.golden.update")) {
      Files.writeString(GOLDEN, described, StandardCharsets.UTF_8);
    }
    assertThat(described).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void everyNodeAndStoreIsExplicitlyNamed() {
    String described = RulesTopology.build(RulesConfig.defaults()).describe().toString();
    assertThat(described).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("STATE-STORE-");
    assertThat(described).contains("case-state", "deadline-index", "association-cases", "settings-progress",
        "association-settings");
  }
}
