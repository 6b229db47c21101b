package org.vigie.intake.audit;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vigie.audit.output.JsonOutput;
import org.vigie.audit.stats.BlockageChartSvg;
import org.vigie.audit.stats.FederationStats;
import org.vigie.audit.stats.StatsCsv;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Language;

/**
 * What a statistics request asks for: {@code format} json (default), csv or svg (the chart of
 * blockages per month), and for csv the {@code table}: one of {@link StatsCsv.Table} (blockages by
 * default) or one of the {@code extraTables} the route adds.
 */
record StatsRequest(String format, Optional<StatsCsv.Table> table, Optional<String> extraTable) {

  static StatsRequest of(Context ctx, List<String> extraTables) {
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json").trim().toLowerCase(Locale.ROOT);
    if (!List.of("json", "csv", "svg").contains(format)) {
      throw ApiProblem.badRequest("format", "Le paramètre 'format' doit valoir json, csv ou svg",
          "Query parameter 'format' must be json, csv or svg");
    }
    String name = ctx.queryParam("table");
    if (!format.equals("csv") || name == null || name.isBlank()) {
      return new StatsRequest(format, Optional.of(StatsCsv.Table.BLOCKAGES), Optional.empty());
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    if (extraTables.contains(wanted)) {
      return new StatsRequest(format, Optional.empty(), Optional.of(wanted));
    }
    StatsCsv.Table table = StatsCsv.Table.parse(name).orElseThrow(() -> {
      String names = Stream.concat(Arrays.stream(StatsCsv.Table.values()).map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')),
          extraTables.stream()).collect(Collectors.joining(", "));
      return ApiProblem.badRequest("table", "Le paramètre 'table' doit valoir l'une de ces tables : " + names,
          "Query parameter 'table' must be one of " + names);
    });
    return new StatsRequest(format, Optional.of(table), Optional.empty());
  }

  /**
   * Answers with {@code stats} in the format asked; {@code json} gives what the JSON answer holds (the
   * statistics themselves, or a report around them), made only for that answer. An extra table is the
   * caller's to write.
   */
  void answer(Context ctx, FederationStats stats, Supplier<Object> json) throws IOException {
    Language language = Language.negotiate(ctx.header("Accept-Language")); // the chart's words
    switch (format) {
      case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(StatsCsv.toCsv(stats, table.orElseThrow()));
      case "svg" -> ctx.contentType("image/svg+xml").header("Content-Language", language.tag()).header("Vary", "Accept-Language")
          .result(BlockageChartSvg.render(stats, language == Language.EN));
      default -> {
        ctx.contentType("application/json");
        Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        JsonOutput.write(json.get(), w);
        w.flush();
      }
    }
  }
}
