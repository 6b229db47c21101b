package org.vigie.intake.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Fields;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.RuleId;

/**
 * An association's new rule settings, as a PUT body: {@code disabledRules} (rule ids) and
 * {@code thresholds} ("RULE_ID.name" → whole number). They replace the previous ones; what is left
 * out takes its default.
 */
public record SettingsChange(List<RuleId> disabledRules, Map<String, Integer> thresholds) {
  private static final String DISABLED = "disabledRules";
  private static final String THRESHOLDS = "thresholds";

  public SettingsChange {
    disabledRules = List.copyOf(disabledRules);
    thresholds = java.util.Collections.unmodifiableMap(new TreeMap<>(thresholds));
  }

  /** Reads a body: 400 for a wrong JSON type, 422 for an unknown rule or threshold or a value out of its range. */
  public static SettingsChange parse(ObjectNode body, SettingsCatalogue catalogue) {
    Fields fields = Fields.of(body).only(Set.of(DISABLED, THRESHOLDS));
    List<RuleId> disabled = fields.optionalEnumList(DISABLED, RuleId.class).orElse(List.of());
    Map<String, Integer> thresholds = new TreeMap<>();
    Fields given = fields.optionalObject(THRESHOLDS).orElse(null);
    if (given != null) {
      ObjectNode node = (ObjectNode) body.get(THRESHOLDS);
      Iterator<String> keys = node.fieldNames();
      while (keys.hasNext()) {
        String key = keys.next();
        SettingsCatalogue.Threshold t = catalogue.threshold(key).orElseThrow(() -> unknown(given.path(key)));
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
          continue; // null: the default
        }
        thresholds.put(key, given.optionalInt(key, t.min(), t.max()).orElseThrow());
      }
    }
    return new SettingsChange(disabled, thresholds);
  }

  /** These settings as the record published to the association settings topic, which the rules read. */
  public AssociationSettings toRecord(UUID associationId, Instant at) {
    return AssociationSettings.newBuilder()
        .setAssociationId(associationId.toString())
        .setDisabledRules(disabledRules)
        .setThresholds(thresholds)
        .setUpdatedAt(at)
        .build();
  }

  private static ApiProblem unknown(String field) {
    return ApiProblem.unprocessable(field, "Le champ '" + field + "' n'est pas un seuil connu (voir la liste 'rules' des réglages)",
        "Field '" + field + "' is not a known threshold (see the settings' 'rules' list)");
  }
}
