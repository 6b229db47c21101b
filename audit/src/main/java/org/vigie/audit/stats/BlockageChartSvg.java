package org.vigie.audit.stats;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigie.audit.stats.FederationStats.MonthlyBlockages;

/**
 * An SVG bar chart of the blockages reported per month (all departments and kinds), in French or English.
 * Months with no report are drawn as zero; suppressed months as a hatched bar marked "&lt; n".
 */
public final class BlockageChartSvg {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 460;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 80;
  private static final int BOTTOM = 90;
  /** The chart's words in one language. */
  private record Words(Locale locale, String title, String subtitle, String axis, String none, DateTimeFormatter day) {}

  private static final Words FRENCH = new Words(Locale.FRANCE, "Blocages ANEF signalés par mois",
      "Tous départements et motifs. Données au %s ; mois de moins de %d dossiers masqués.", "Signalements",
      "Aucun blocage signalé", DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  private static final Words ENGLISH = new Words(Locale.UK, "ANEF blockages reported per month",
      "All departments and kinds. Data as of %s; months of fewer than %d cases hidden.", "Reports",
      "No blockage reported", DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK));

  private BlockageChartSvg() {}

  /** The chart in French. */
  public static String render(FederationStats stats) {
    return render(stats, false);
  }

  /** The chart in English when {@code english}, else in French. */
  public static String render(FederationStats stats, boolean english) {
    Words words = english ? ENGLISH : FRENCH;
    List<MonthlyBlockages> months = continuous(stats.blockagesPerMonth());
    int max = months.stream().filter(m -> !m.suppressed()).mapToInt(m -> m.reports() == null ? 0 : m.reports())
        .max().orElse(0);
    int step = tickStep(max);
    int top = Math.max(step, ((max + step - 1) / step) * step);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = months.isEmpty() ? plotWidth : plotWidth / months.size();
    double bar = slot * 0.7;

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" role=\"img\">\n");
    svg.append("<title>").append(escape(words.title())).append("</title>\n");
    svg.append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
        + " patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\""
        + " stroke-width=\"2\"/></pattern></defs>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    text(svg, LEFT, 32, 20, "bold", "start", words.title());
    text(svg, LEFT, 56, 13, "normal", "start", String.format(words.subtitle(), stats.asOf().format(words.day()), stats.minCases()));

    for (int v = 0; v <= top; v += step) {
      double y = TOP + plotHeight - plotHeight * v / top;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
          LEFT, y, WIDTH - RIGHT, y, v == 0 ? "#333" : "#ddd"));
      text(svg, LEFT - 8, y + 4, 12, "normal", "end", String.valueOf(v));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"18\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
        TOP + plotHeight / 2, TOP + plotHeight / 2, escape(words.axis())));

    boolean rotate = months.size() > 12;
    for (int i = 0; i < months.size(); i++) {
      MonthlyBlockages m = months.get(i);
      double x = LEFT + i * slot + (slot - bar) / 2;
      double cx = x + bar / 2;
      if (m.suppressed()) {
        double h = plotHeight * 0.06;
        rect(svg, x, TOP + plotHeight - h, bar, h, "url(#hatch)");
        text(svg, cx, TOP + plotHeight - h - 6, 11, "normal", "middle", "< " + stats.minCases());
      } else {
        int value = m.reports() == null ? 0 : m.reports();
        double h = plotHeight * value / top;
        rect(svg, x, TOP + plotHeight - h, bar, h, "#c0392b");
        if (value > 0) {
          text(svg, cx, TOP + plotHeight - h - 6, 11, "normal", "middle", String.valueOf(value));
        }
      }
      String label = monthLabel(YearMonth.parse(m.month()), words.locale());
      double ly = TOP + plotHeight + 18;
      if (rotate) {
        svg.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %.1f)\">%s</text>%n",
            cx, ly, cx, ly, escape(label)));
      } else {
        text(svg, cx, ly, 11, "normal", "middle", label);
      }
    }
    if (months.isEmpty()) {
      text(svg, LEFT + plotWidth / 2, TOP + plotHeight / 2, 14, "normal", "middle", words.none());
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Every month from the first to the last, the missing ones as zero. */
  private static List<MonthlyBlockages> continuous(List<MonthlyBlockages> months) {
    if (months.isEmpty()) {
      return months;
    }
    Map<String, MonthlyBlockages> byMonth = new HashMap<>();
    months.forEach(m -> byMonth.put(m.month(), m));
    YearMonth first = YearMonth.parse(months.get(0).month());
    YearMonth last = YearMonth.parse(months.get(months.size() - 1).month());
    List<MonthlyBlockages> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(byMonth.getOrDefault(m.toString(), new MonthlyBlockages(m.toString(), 0, 0, false)));
    }
    return out;
  }

  private static int tickStep(int max) {
    int raw = Math.max(1, (int) Math.ceil(max / 5.0));
    int magnitude = (int) Math.pow(10, (int) Math.floor(Math.log10(raw)));
    for (int m : new int[] {1, 2, 5, 10}) {
      if (raw <= m * magnitude) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String monthLabel(YearMonth month, Locale locale) {
    return month.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + month.getYear();
  }

  private static void rect(StringBuilder svg, double x, double y, double w, double h, String fill) {
    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
        x, y, w, h, fill));
  }

  private static void text(StringBuilder svg, double x, double y, int size, String weight, String anchor, String text) {
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>%n",
        x, y, size, weight, anchor, escape(text)));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
