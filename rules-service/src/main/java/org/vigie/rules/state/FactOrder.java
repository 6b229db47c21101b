package org.vigie.rules.state;

import java.time.LocalDate;
import java.util.Comparator;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.BlockageResolutionFact;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.DatedFact;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.SituationFact;
import org.vigie.schemas.SubmissionFact;

/**
 * The one order of facts: by domain date, then event id. Sorting by it makes the folded state
 * independent of the order in which events were recorded.
 */
public final class FactOrder {
  public static final Comparator<SubmissionFact> SUBMISSIONS =
      Comparator.comparing(SubmissionFact::getSubmittedOn).thenComparing(SubmissionFact::getEventId);
  public static final Comparator<ApiFact> APIS =
      Comparator.comparing(ApiFact::getIssuedOn).thenComparing(ApiFact::getValidUntil).thenComparing(ApiFact::getEventId);
  public static final Comparator<DatedFact> DATED =
      Comparator.comparing(DatedFact::getOn).thenComparing(DatedFact::getEventId);
  public static final Comparator<BlockageFact> BLOCKAGES =
      Comparator.comparing(BlockageFact::getReportedOn).thenComparing(BlockageFact::getEventId);
  public static final Comparator<BlockageResolutionFact> RESOLUTIONS =
      Comparator.comparing(BlockageResolutionFact::getResolvedOn).thenComparing(BlockageResolutionFact::getEventId);
  public static final Comparator<CccAttemptFact> CCC_ATTEMPTS =
      Comparator.comparing(CccAttemptFact::getAttemptedOn).thenComparing(CccAttemptFact::getEventId);
  public static final Comparator<SituationFact> SITUATIONS =
      Comparator.comparing(SituationFact::getOn).thenComparing(SituationFact::getEventId);
  public static final Comparator<DecisionFact> DECISIONS =
      Comparator.comparing(DecisionFact::getDecidedOn).thenComparing(DecisionFact::getEventId);

  private FactOrder() {}

  /** True when (date, eventId) comes strictly after (otherDate, otherEventId); a null other is earliest. */
  public static boolean isLater(LocalDate date, String eventId, LocalDate otherDate, String otherEventId) {
    if (otherDate == null || otherEventId == null) {
      return true;
    }
    int byDate = date.compareTo(otherDate);
    return byDate > 0 || (byDate == 0 && eventId.compareTo(otherEventId) > 0);
  }
}
