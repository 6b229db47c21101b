package org.vigie.audit.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vigie.audit.stats.FederationStats.BlockageCell;
import org.vigie.audit.stats.FederationStats.MonthlyBlockages;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.BlockageKind;

/** Blockages per department, month and kind, and per month, with primary and secondary suppression. */
record BlockageTables(List<BlockageCell> cells, List<MonthlyBlockages> months) {

  private record Key(String month, String department, BlockageKind kind) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = month.compareTo(o.month);
      if (c == 0) {
        c = department.compareTo(o.department);
      }
      return c != 0 ? c : kind.compareTo(o.kind);
    }
  }

  private static final class Tally {
    final Set<Integer> cases = new HashSet<>();
    int reports;

    void add(int caseIndex) {
      cases.add(caseIndex);
      reports++;
    }
  }

  static BlockageTables of(List<CaseFacts> all, LocalDate asOf, int minCases) {
    Map<Key, Tally> byCell = new TreeMap<>();
    Map<String, Tally> byMonth = new TreeMap<>();
    for (int i = 0; i < all.size(); i++) {
      CaseFacts facts = all.get(i);
      for (BlockageFact b : facts.blockages()) {
        if (b.getReportedOn().isAfter(asOf)) {
          continue;
        }
        String month = YearMonth.from(b.getReportedOn()).toString();
        byCell.computeIfAbsent(new Key(month, facts.departmentOrUnknown(), b.getKind()), k -> new Tally()).add(i);
        byMonth.computeIfAbsent(month, k -> new Tally()).add(i);
      }
    }
    List<Key> cellKeys = List.copyOf(byCell.keySet());
    List<String> monthKeys = List.copyOf(byMonth.keySet());
    // Cells first, then the month totals, in one array of case counts.
    int[] counts = new int[cellKeys.size() + monthKeys.size()];
    for (int i = 0; i < cellKeys.size(); i++) {
      counts[i] = byCell.get(cellKeys.get(i)).cases.size();
    }
    List<SmallCellSuppression.Group> groups = new ArrayList<>();
    for (int m = 0; m < monthKeys.size(); m++) {
      String month = monthKeys.get(m);
      counts[cellKeys.size() + m] = byMonth.get(month).cases.size();
      int[] members = new int[cellKeys.size()];
      int n = 0;
      for (int i = 0; i < cellKeys.size(); i++) {
        if (cellKeys.get(i).month().equals(month)) {
          members[n++] = i;
        }
      }
      groups.add(new SmallCellSuppression.Group(cellKeys.size() + m, Arrays.copyOf(members, n)));
    }
    boolean[] hidden = SmallCellSuppression.suppress(counts, groups, minCases);

    List<BlockageCell> cells = new ArrayList<>();
    for (int i = 0; i < cellKeys.size(); i++) {
      Key k = cellKeys.get(i);
      Tally t = byCell.get(k);
      cells.add(hidden[i]
          ? new BlockageCell(k.department(), k.month(), k.kind(), null, null, true)
          : new BlockageCell(k.department(), k.month(), k.kind(), t.cases.size(), t.reports, false));
    }
    List<MonthlyBlockages> months = new ArrayList<>();
    for (int m = 0; m < monthKeys.size(); m++) {
      Tally t = byMonth.get(monthKeys.get(m));
      months.add(hidden[cellKeys.size() + m]
          ? new MonthlyBlockages(monthKeys.get(m), null, null, true)
          : new MonthlyBlockages(monthKeys.get(m), t.cases.size(), t.reports, false));
    }
    return new BlockageTables(cells, months);
  }
}
