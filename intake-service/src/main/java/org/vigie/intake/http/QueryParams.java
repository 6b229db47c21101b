package org.vigie.intake.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Query parameters read with a clear problem (the parameter named) when a value is not accepted. */
public final class QueryParams {
  /** The days a date can name, in a query, an event ({@code EARLIEST_DAY} only: not in the future) or the command line. */
  public static final LocalDate EARLIEST_DAY = LocalDate.of(2000, 1, 1);
  public static final LocalDate LATEST_DAY = LocalDate.of(2999, 12, 31);

  private QueryParams() {}

  /** An integer parameter within [min, max], {@code dflt} when absent: 400 when not a number, 422 out of range. */
  public static int integer(Context ctx, String name, int dflt, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v < min || v > max) {
        throw ApiProblem.unprocessable(name, "Le paramètre '" + name + "' doit être compris entre " + min + " et " + max,
            "Query parameter '" + name + "' must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest(name, "Le paramètre '" + name + "' doit être un nombre entier",
          "Query parameter '" + name + "' must be an integer");
    }
  }

  /** A date parameter (YYYY-MM-DD), empty when absent: 400 when not a date, 422 outside {@link #EARLIEST_DAY}..{@link #LATEST_DAY}. */
  public static Optional<LocalDate> date(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(name, "Le paramètre '" + name + "' doit être une date AAAA-MM-JJ",
          "Query parameter '" + name + "' must be a date YYYY-MM-DD");
    }
    // a day no case can hold: refused before any computation on it overflows the calendar
    if (date.isBefore(EARLIEST_DAY) || date.isAfter(LATEST_DAY)) {
      throw ApiProblem.unprocessable(name, "Le paramètre '" + name + "' doit être une date entre le " + EARLIEST_DAY
          + " et le " + LATEST_DAY, "Query parameter '" + name + "' must be a day between " + EARLIEST_DAY + " and "
          + LATEST_DAY);
    }
    return Optional.of(date);
  }

  /** An identifier parameter (a UUID), empty when absent: 400 naming it when not one. */
  public static Optional<java.util.UUID> uuid(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return Optional.empty();
    }
    return Optional.of(Ids.parse(raw.strip()).orElseThrow(() -> ApiProblem.badRequest(name,
        "Le paramètre '" + name + "' doit être un identifiant", "Query parameter '" + name + "' must be an identifier")));
  }

  /** A parameter naming a constant of {@code type}, empty when absent: 422 naming it otherwise. */
  public static <E extends Enum<E>> Optional<E> constant(Context ctx, String name, Class<E> type) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return Optional.empty();
    }
    return Optional.of(Fields.constantNamed(raw.strip(), type).orElseThrow(() -> ApiProblem.unprocessable(name,
        "Le paramètre '" + name + "' doit prendre l'une des valeurs " + Fields.symbols(type),
        "Query parameter '" + name + "' must be one of " + Fields.symbols(type))));
  }

  /** A parameter taking one of {@code values} (the first when absent): 422 otherwise. */
  public static String oneOf(Context ctx, String name, List<String> values) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return values.get(0);
    }
    if (!values.contains(raw)) {
      String list = String.join(", ", values.subList(0, values.size() - 1)) + " ou " + values.get(values.size() - 1);
      String listEn = String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
      throw ApiProblem.unprocessable(name, "Le paramètre '" + name + "' doit valoir " + list,
          "Query parameter '" + name + "' must be " + listEn);
    }
    return raw;
  }
}
