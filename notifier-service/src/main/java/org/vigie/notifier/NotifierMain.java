package org.vigie.notifier;

import org.vigie.platform.config.Config;

/** Runs the notifier from environment variables until the JVM is asked to stop. */
public final class NotifierMain {
  private NotifierMain() {}

  public static void main(String[] args) {
    NotifierService service = NotifierService.start(Config.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "notifier-shutdown"));
  }
}
