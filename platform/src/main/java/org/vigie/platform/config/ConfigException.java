package org.vigie.platform.config;

/** A configuration value is missing or malformed; names the variable. */
public final class ConfigException extends RuntimeException {
  private final String name;

  public ConfigException(String name, String problem) {
    super(name + " " + problem);
    this.name = name;
  }

  /** As {@link #ConfigException(String, String)}, with the failure that showed the value cannot be used. */
  public ConfigException(String name, String problem, Throwable cause) {
    super(name + " " + problem, cause);
    this.name = name;
  }

  public String name() {
    return name;
  }
}
