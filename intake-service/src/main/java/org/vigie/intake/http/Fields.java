package org.vigie.intake.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the fields of a JSON object with precise problems: a missing field or a wrong JSON type
 * is 400, a well-typed value that is not acceptable (unknown enum symbol, …) is 422. Field names
 * in problems are paths from the body root, e.g. {@code permit.expiresOn}.
 */
public final class Fields {
  private final ObjectNode node;
  private final String prefix;

  public Fields(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
  }

  public static Fields of(ObjectNode node) {
    return new Fields(node, "");
  }

  public String path(String name) {
    return prefix + name;
  }

  /** 400 if a field outside {@code allowed} is present (typos must not pass silently). */
  public Fields only(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiProblem.badRequest(path(name), "Champ '" + path(name) + "' inconnu", "Unknown field '" + path(name) + "'");
      }
    }
    return this;
  }

  public boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  public String requiredText(String name, int maxLength) {
    return optionalText(name, maxLength)
        .orElseThrow(() -> malformed(name, "est obligatoire", "is required"));
  }

  public Optional<String> optionalText(String name, int maxLength) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw malformed(name, "doit être une chaîne de caractères", "must be a string");
    }
    String s = v.textValue().strip();
    if (s.isEmpty()) {
      throw malformed(name, "ne doit pas être vide", "must not be blank");
    }
    if (s.length() > maxLength) {
      throw rejected(name, "dépasse " + maxLength + " caractères", "is longer than " + maxLength + " characters");
    }
    if (s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw rejected(name, "contient des caractères de contrôle", "contains control characters");
    }
    if (hasLoneSurrogate(s)) {
      // half of a character (an emoji cut in two): stored, it would come back as '?'
      throw rejected(name, "contient un caractère incomplet", "contains an incomplete character");
    }
    return Optional.of(s);
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  public LocalDate requiredDate(String name) {
    return optionalDate(name)
        .orElseThrow(() -> malformed(name, "est obligatoire (AAAA-MM-JJ)", "is required (YYYY-MM-DD)"));
  }

  public Optional<LocalDate> optionalDate(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw malformed(name, "doit être une date AAAA-MM-JJ sous forme de texte", "must be a date string YYYY-MM-DD");
    }
    LocalDate fast = DateText.iso(v.textValue());
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(LocalDate.parse(v.textValue()));
    } catch (DateTimeParseException e) {
      throw malformed(name, "doit être une date AAAA-MM-JJ", "must be a date YYYY-MM-DD");
    }
  }

  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    return optionalEnum(name, type)
        .orElseThrow(() -> malformed(name, "est obligatoire, l'une des valeurs " + symbols(type), "is required, one of " + symbols(type)));
  }

  public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw malformed(name, "doit être une chaîne, l'une des valeurs " + symbols(type), "must be a string, one of " + symbols(type));
    }
    return Optional.of(enumValue(path(name), v.textValue(), type));
  }

  public static <E extends Enum<E>> E enumValue(String field, String raw, Class<E> type) {
    return constantNamed(raw, type).orElseThrow(() ->
        rejectedField(field, NOT_ONE_OF + symbols(type), "must be one of " + symbols(type)));
  }

  private static final String NOT_ONE_OF = "doit prendre l'une des valeurs ";

  /** Whether a problem's detail is that of a value not among its type's constants ({@link #enumValue}). */
  public static boolean isNotOneOf(Detail detail) {
    return detail.fr().contains(NOT_ONE_OF);
  }

  /** The constant of {@code type} named exactly {@code raw}, if any. */
  static <E extends Enum<E>> Optional<E> constantNamed(String raw, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(raw)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Optional<Boolean> optionalBoolean(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw malformed(name, "doit valoir true ou false", "must be true or false");
    }
    return Optional.of(v.booleanValue());
  }

  public boolean booleanOr(String name, boolean dflt) {
    return optionalBoolean(name).orElse(dflt);
  }

  public Optional<Integer> optionalInt(String name, int min, int max) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw malformed(name, "doit être un nombre entier", "must be an integer");
    }
    int i = v.intValue();
    if (i < min || i > max) {
      throw rejected(name, "doit être compris entre " + min + " et " + max, "must be between " + min + " and " + max);
    }
    return Optional.of(i);
  }

  public Optional<UUID> optionalId(String name) {
    return optionalText(name, 64).map(s -> {
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        throw rejected(name, "n'est pas un identifiant connu", "is not a known id");
      }
    });
  }

  public UUID requiredId(String name) {
    return optionalId(name)
        .orElseThrow(() -> malformed(name, "est obligatoire", "is required"));
  }

  /** A nested object, or empty when absent or null. */
  public Optional<Fields> optionalObject(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      throw malformed(name, "doit être un objet", "must be an object");
    }
    return Optional.of(new Fields((ObjectNode) v, path(name)));
  }

  public Fields requiredObject(String name) {
    return optionalObject(name)
        .orElseThrow(() -> malformed(name, "est obligatoire", "is required"));
  }

  /** A JSON array of enum symbols, or empty when absent or null. */
  public <E extends Enum<E>> Optional<java.util.List<E>> optionalEnumList(String name, Class<E> type) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isArray() || v.size() > type.getEnumConstants().length) {
      throw malformed(name, "doit être une liste de valeurs parmi " + symbols(type), "must be an array of " + symbols(type));
    }
    java.util.List<E> out = new java.util.ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw malformed(name, "doit être une liste de chaînes", "must be an array of strings");
      }
      E e = enumValue(path(name), item.textValue(), type);
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return Optional.of(out);
  }

  private ApiProblem malformed(String name, String fr, String en) {
    String field = path(name);
    return ApiProblem.badRequest(field, "Le champ '" + field + "' " + fr, "Field '" + field + "' " + en);
  }

  private ApiProblem rejected(String name, String fr, String en) {
    return rejectedField(path(name), fr, en);
  }

  private static ApiProblem rejectedField(String field, String fr, String en) {
    return ApiProblem.unprocessable(field, "Le champ '" + field + "' " + fr, "Field '" + field + "' " + en);
  }

  static String symbols(Class<? extends Enum<?>> type) {
    return Arrays.toString(type.getEnumConstants());
  }
}
