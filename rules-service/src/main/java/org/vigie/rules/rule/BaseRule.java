package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.schemas.RuleId;

/** The descriptive part every rule shares: id, reference, text date, thresholds, catalogue entry. */
abstract class BaseRule implements Rule {
  private final RuleId id;
  private final String reference;
  private final LocalDate textVersionDate;
  private final String version;
  private final Map<String, Integer> thresholds;
  private final RuleDoc doc;

  BaseRule(RuleId id, String reference, LocalDate textVersionDate, String version, RuleDoc doc, Object... thresholds) {
    this.id = id;
    this.reference = reference;
    this.textVersionDate = textVersionDate;
    this.version = version;
    this.doc = doc;
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < thresholds.length; i += 2) {
      map.put((String) thresholds[i], (Integer) thresholds[i + 1]);
    }
    this.thresholds = Collections.unmodifiableMap(map);
  }

  @Override
  public final RuleId id() {
    return id;
  }

  @Override
  public final String reference() {
    return reference;
  }

  @Override
  public final LocalDate textVersionDate() {
    return textVersionDate;
  }

  @Override
  public final String version() {
    return version;
  }

  @Override
  public final Map<String, Integer> defaultThresholds() {
    return thresholds;
  }

  @Override
  public final RuleDoc doc() {
    return doc;
  }

  /** This rule's threshold, as overridden by the association. */
  final int threshold(RuleSettings settings, String name) {
    return settings.threshold(id, name);
  }
}
