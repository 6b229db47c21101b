package org.vigie.audit.stats;

import java.util.List;

/**
 * Small-cell suppression. Primary: a cell counting fewer than {@code minCases} distinct cases, but
 * some, is hidden (a cell counting none tells nothing of anyone and stays). Secondary: when a group's
 * total is published and exactly one of its members is hidden, that member could be recomputed by
 * subtraction, so the smallest other member counting some cases is hidden too; repeated until
 * nothing changes.
 */
final class SmallCellSuppression {
  /** A published total (index of the margin cell) and the cells it adds up. */
  record Group(int margin, int[] members) {}

  private SmallCellSuppression() {}

  static boolean[] suppress(int[] caseCounts, List<Group> groups, int minCases) {
    boolean[] hidden = new boolean[caseCounts.length];
    for (int i = 0; i < caseCounts.length; i++) {
      hidden[i] = caseCounts[i] > 0 && caseCounts[i] < minCases;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Group group : groups) {
        if (!hidden[group.margin()] && hiddenCount(hidden, group.members()) == 1) {
          int smallest = smallestVisible(caseCounts, hidden, group.members());
          if (smallest >= 0) {
            hidden[smallest] = true;
            changed = true;
          }
        }
      }
    }
    return hidden;
  }

  private static int hiddenCount(boolean[] hidden, int[] members) {
    int count = 0;
    for (int m : members) {
      if (hidden[m]) {
        count++;
      }
    }
    return count;
  }

  private static int smallestVisible(int[] caseCounts, boolean[] hidden, int[] members) {
    int best = -1;
    for (int m : members) {
      if (!hidden[m] && caseCounts[m] > 0 && (best < 0 || caseCounts[m] < caseCounts[best])) {
        best = m;
      }
    }
    return best;
  }
}
