package org.vigie.platform.config;

/** A configuration value is missing or malformed; names the variable. */
public final class ConfigException extends RuntimeException {
  private final String name;

  public ConfigException(String name, String problem) {
    super(name + " " + problem);
    this.name = name;
  }

  public String name() {
    return name;
  }
}
