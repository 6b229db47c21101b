package org.vigie.intake.audit;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import org.vigie.audit.output.JsonOutput;
import org.vigie.audit.stats.PeriodComparison;
import org.vigie.audit.stats.StatsCsv;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.QueryParams;

/**
 * What a before-and-after request asks for: {@code pivot} (default the end of the Conseil d'État's six
 * months, today at the latest), {@code days} (1 to 366, default from the pivot to today), {@code format}
 * json or csv.
 */
record ComparisonRequest(LocalDate pivot, int days, boolean csv) {

  static ComparisonRequest of(Context ctx, LocalDate today) {
    LocalDate pivot = QueryParams.date(ctx, "pivot").orElse(PeriodComparison.CONSEIL_ETAT_DEADLINE);
    if (pivot.isAfter(today)) {
      throw ApiProblem.unprocessable("pivot", "Le paramètre 'pivot' doit être une date passée (ou aujourd'hui)",
          "Query parameter 'pivot' must be a day in the past (or today)");
    }
    int days = QueryParams.integer(ctx, "days", PeriodComparison.daysUpTo(pivot, today), 1, PeriodComparison.MAX_DAYS);
    return new ComparisonRequest(pivot, days, QueryParams.oneOf(ctx, "format", List.of("json", "csv")).equals("csv"));
  }

  void answer(Context ctx, PeriodComparison comparison) {
    if (csv) {
      ctx.header("Content-Disposition", "attachment; filename=\"vigie-avant-apres-" + pivot + ".csv\"");
      ctx.contentType("text/csv; charset=utf-8").result(StatsCsv.toCsv(comparison));
    } else {
      ctx.contentType("application/json").result(JsonOutput.toJson(comparison));
    }
  }
}
