package org.vigie.notifier.testing;

import org.vigie.notifier.NotifierService;
import org.vigie.notifier.channel.Channel;
import org.vigie.notifier.channel.ObservedChannel;
import org.vigie.platform.config.Config;

/**
 * A notifier process that dies abruptly (halt: no shutdown hook, no commit, no ledger update)
 * right after the SMTP server accepted its first email. Run as a child JVM by the crash test.
 */
public final class CrashingNotifier {
  public static final int EXIT_CODE = 137;

  private CrashingNotifier() {}

  public static void main(String[] args) {
    NotifierService.start(Config.fromEnvironment(), NotifierService.Options.defaults()
        .withChannelDecorator(CrashingNotifier::haltAfterSend));
  }

  private static Channel haltAfterSend(Channel delegate) {
    return new ObservedChannel(delegate, notice -> Runtime.getRuntime().halt(EXIT_CODE));
  }
}
