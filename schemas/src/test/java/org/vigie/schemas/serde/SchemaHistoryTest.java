package org.vigie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaHistoryTest {

  @ParameterizedTest
  @ValueSource(strings = {"CaseEvent", "CaseAlert", "DirectoryEntry", "NotificationOutcome", "CaseState", "AssociationSettings", "AlertAcknowledgement"})
  void newestPublishedVersionIsTheGeneratedOne(String record) throws Exception {
    List<Schema> versions = SchemaHistory.versionsOf(record);
    Schema current = SpecificData.get().getSchema(Class.forName("org.vigie.schemas." + record));
    assertThat(versions.get(versions.size() - 1))
        .as("%s changed: publish it as a new version under schema-history and list it in index.txt", record)
        .isEqualTo(current);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CaseEvent", "CaseAlert", "DirectoryEntry", "NotificationOutcome", "CaseState", "AssociationSettings", "AlertAcknowledgement"})
  void everyVersionIsBackwardAndForwardCompatibleWithEveryEarlierOne(String record) {
    List<Schema> versions = SchemaHistory.versionsOf(record);
    for (int newer = 1; newer < versions.size(); newer++) {
      for (int older = 0; older < newer; older++) {
        Schema n = versions.get(newer);
        Schema o = versions.get(older);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(n, o).getType())
            .as("%s v%d reads v%d (backward)", record, newer + 1, older + 1)
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(o, n).getType())
            .as("%s v%d reads v%d (forward)", record, older + 1, newer + 1)
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CaseEvent"})
  void eventHistoryKeepsMoreThanOneVersion(String record) {
    assertThat(SchemaHistory.versionsOf(record)).hasSizeGreaterThan(1);
  }
}
