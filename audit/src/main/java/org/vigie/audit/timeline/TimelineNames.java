package org.vigie.audit.timeline;

import java.util.Map;

/**
 * How the association names itself and its volunteers, for a timeline read by people (a lawyer, a
 * court): the association's name and each volunteer's display name by volunteer id. Where a name is
 * unknown the timeline keeps the pseudonymous id. These are the association's own people, never the
 * person the case is about (whose identity only the vault holds).
 *
 * @param associationName the association's name, or null
 * @param volunteers display names by volunteer id
 */
public record TimelineNames(String associationName, Map<String, String> volunteers) {
  public static final TimelineNames NONE = new TimelineNames(null, Map.of());

  /**
   * What intake records as the author of an event recorded with the association's own token (not a
   * volunteer's): the timeline names the association.
   */
  public static final String ASSOCIATION_RECORDER = "association";

  public TimelineNames {
    volunteers = Map.copyOf(volunteers);
  }

  /** The volunteer's display name (the association's name for {@link #ASSOCIATION_RECORDER}), or null when unknown. */
  public String volunteer(String volunteerId) {
    if (ASSOCIATION_RECORDER.equals(volunteerId)) {
      return associationName;
    }
    return volunteerId == null ? null : volunteers.get(volunteerId);
  }
}
