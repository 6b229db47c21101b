package org.vigie.rules.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the rules say about a case on a day: the conditions holding, in rule order, and the next day
 * on which that answer can change with no new event (empty: never).
 */
public record Evaluation(List<ActiveCondition> conditions, Optional<LocalDate> nextChange) {
  public static final Evaluation NOTHING = new Evaluation(List.of(), Optional.empty());
}
