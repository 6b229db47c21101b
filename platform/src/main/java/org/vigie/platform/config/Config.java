package org.vigie.platform.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable configuration: environment variables over defaults. Names are those of the contract
 * in ARCHITECTURE.md (see {@link ConfigNames}). A blank value counts as unset.
 */
public final class Config {
  private final Map<String, String> values;

  private Config(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Config fromEnvironment() {
    return of(System.getenv());
  }

  public static Config of(Map<String, String> values) {
    Map<String, String> copy = new HashMap<>();
    values.forEach((k, v) -> {
      if (k != null && v != null && !v.isBlank()) {
        copy.put(k, v.strip());
      }
    });
    return new Config(copy);
  }

  public static Config empty() {
    return new Config(Map.of());
  }

  /** A copy with one more value, overriding any previous one. */
  public Config with(String name, String value) {
    Map<String, String> copy = new HashMap<>(values);
    if (value == null || value.isBlank()) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new Config(copy);
  }

  /** A copy where the values given are used only where this one has none. */
  public Config withDefaults(Map<String, String> defaults) {
    Map<String, String> merged = new HashMap<>(defaults);
    merged.putAll(values);
    return of(merged);
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  public String require(String name) {
    return optional(name).orElseThrow(() -> new ConfigException(name, "is required"));
  }

  public int getInt(String name, int defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be an integer, got '" + raw + "'");
    }
  }

  public long getLong(String name, long defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be an integer, got '" + raw + "'");
    }
  }

  public boolean getBoolean(String name, boolean defaultValue) {
    String raw = values.get(name);
    return raw == null ? defaultValue : Boolean.parseBoolean(raw);
  }

  /** Values whose name starts with a prefix, e.g. to pass raw client properties. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k, v);
      }
    });
    return out;
  }
}
