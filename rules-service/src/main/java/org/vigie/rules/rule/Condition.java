package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * A rule's condition holding on a case. {@code episodeStart} is computed from facts only, so the
 * same facts give the same episode (and alert id) whatever the order they were recorded in. The
 * message is built only when an alert is emitted (most evaluations emit nothing), and is not part
 * of equality: it is derived from the other fields and the facts.
 */
public final class Condition {
  private final RuleId rule;
  private final Severity severity;
  private final LocalDate episodeStart;
  private final LocalDate deadline;
  private final Supplier<Message> text;

  public Condition(RuleId rule, Severity severity, LocalDate episodeStart, LocalDate deadline, Supplier<Message> text) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.episodeStart = Objects.requireNonNull(episodeStart, "episodeStart");
    this.deadline = deadline;
    this.text = Objects.requireNonNull(text, "text");
  }

  public RuleId rule() {
    return rule;
  }

  public Severity severity() {
    return severity;
  }

  public LocalDate episodeStart() {
    return episodeStart;
  }

  public LocalDate deadline() {
    return deadline;
  }

  public Message message() {
    return text.get();
  }

  public Condition withSeverity(Severity newSeverity) {
    return new Condition(rule, newSeverity, episodeStart, deadline, text);
  }

  /** The same condition, its message changed by {@code change} (still built only when asked for). */
  Condition withMessage(java.util.function.UnaryOperator<Message> change) {
    return new Condition(rule, severity, episodeStart, deadline, () -> change.apply(text.get()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition c && rule == c.rule && severity == c.severity
        && episodeStart.equals(c.episodeStart) && Objects.equals(deadline, c.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, severity, episodeStart, deadline);
  }

  @Override
  public String toString() {
    return rule + "/" + severity + " from " + episodeStart + " (deadline " + deadline + ")";
  }
}
