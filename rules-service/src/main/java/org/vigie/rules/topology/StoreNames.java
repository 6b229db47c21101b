package org.vigie.rules.topology;

/** Every node, store and internal resource of the rules topology, named once. */
public final class StoreNames {
  public static final String CASE_EVENTS_SOURCE = "case-events-source";
  public static final String CASE_RULES = "case-rules";
  public static final String CASE_ALERTS_SINK = "case-alerts-sink";
  public static final String SETTINGS_SOURCE = "association-settings-source";
  public static final String SETTINGS_LOADER = "association-settings-loader";

  /** caseId → CaseState. */
  public static final String CASE_STATE = "case-state";
  /** big-endian due millis + caseId → caseId. */
  public static final String DEADLINE_INDEX = "deadline-index";
  /** associationId + "/" + caseId → caseId: the cases to re-evaluate when an association's settings change. */
  public static final String ASSOCIATION_CASES = "association-cases";
  /** associationId → settings version applied by this task, and the re-evaluation cursor. */
  public static final String SETTINGS_PROGRESS = "settings-progress";
  /** Global: associationId → AssociationSettings. */
  public static final String ASSOCIATION_SETTINGS = "association-settings";

  private StoreNames() {}
}
