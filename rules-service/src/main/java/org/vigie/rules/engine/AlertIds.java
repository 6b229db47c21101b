package org.vigie.rules.engine;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.vigie.schemas.RuleId;

/** Deterministic alert ids: the same case, rule and episode start always give the same id, so a replay does too. */
public final class AlertIds {
  private AlertIds() {}

  public static String of(String caseId, RuleId rule, LocalDate episodeStart) {
    String name = caseId + "|" + rule.name() + "|" + episodeStart;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
