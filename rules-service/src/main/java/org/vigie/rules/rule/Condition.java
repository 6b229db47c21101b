package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.Objects;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * A rule's condition holding on a case. {@code episodeStart} is computed from facts only, so the
 * same facts give the same episode (and alert id) whatever the order they were recorded in.
 */
public record Condition(RuleId rule, Severity severity, LocalDate episodeStart, LocalDate deadline, Message message) {
  public Condition {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(episodeStart, "episodeStart");
    Objects.requireNonNull(message, "message");
  }

  public Condition withSeverity(Severity newSeverity) {
    return new Condition(rule, newSeverity, episodeStart, deadline, message);
  }
}
