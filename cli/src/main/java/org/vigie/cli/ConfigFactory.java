package org.vigie.cli;

import java.lang.reflect.Constructor;
import org.vigie.platform.config.Config;
import picocli.CommandLine;

/** Builds commands that take the {@link Config} in their constructor; others the default way. */
final class ConfigFactory implements CommandLine.IFactory {
  private final Config config;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  ConfigFactory(Config config) {
    this.config = config;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> withConfig = type.getDeclaredConstructor(Config.class);
      withConfig.setAccessible(true);
      return withConfig.newInstance(config);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}
