package org.vigie.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;

/**
 * The ports {@code vigie local} will listen on, checked free before anything starts: another program (or another
 * {@code vigie local}) on one of them is one clear line naming the port and its variable, instead of a part
 * started and stopped again with its errors in the log. Port 0 (any free port) is not checked.
 */
final class LocalPorts {
  private LocalPorts() {}

  /** Each port's variable and number (its default when unset), for the parts this configuration starts in this process. */
  static Map<String, Integer> wanted(Config config) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    if (!config.has(ConfigNames.KAFKA_BOOTSTRAP_SERVERS)) {
      ports.put(LocalNames.VIGIE_KAFKA_PORT, config.getInt(LocalNames.VIGIE_KAFKA_PORT, LocalNames.DEFAULT_KAFKA_PORT));
    }
    if (!config.has(ConfigNames.SMTP_HOST)) {
      ports.put(ConfigNames.SMTP_PORT, config.getInt(ConfigNames.SMTP_PORT, LocalNames.DEFAULT_SMTP_PORT));
      ports.put(LocalNames.VIGIE_MAILBOX_PORT, config.getInt(LocalNames.VIGIE_MAILBOX_PORT, LocalNames.DEFAULT_MAILBOX_PORT));
    }
    ports.put(ConfigNames.VIGIE_HTTP_PORT, config.getInt(ConfigNames.VIGIE_HTTP_PORT, LocalNames.DEFAULT_INTAKE_PORT));
    ports.put(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT,
        config.getInt(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, LocalNames.DEFAULT_NOTIFIER_PORT));
    ports.put(LocalNames.VIGIE_RULES_OPS_PORT, config.getInt(LocalNames.VIGIE_RULES_OPS_PORT, LocalNames.DEFAULT_RULES_OPS_PORT));
    return ports;
  }

  /** Throws, naming the variable, for the first port another program listens on. */
  static void requireFree(Map<String, Integer> ports) {
    ports.forEach((variable, port) -> {
      if (port != 0 && !free(port)) {
        throw new ConfigException(variable, "= " + port + " : ce port est déjà utilisé (un autre programme, ou un autre "
            + "vigie local) ; arrêtez-le ou choisissez un autre port avec " + variable + " / this port is already in "
            + "use (another program, or another vigie local): stop it or choose another port with " + variable);
      }
    });
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // as the servers bind: a port whose former connections linger (TIME_WAIT) is free, one with a listener is not
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
