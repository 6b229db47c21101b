package org.vigie.platform.ops;

import java.io.PrintStream;
import java.net.BindException;
import java.sql.SQLException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;

/**
 * How a service started alone ({@code IntakeMain}, {@code RulesMain}, …) tells its operator that it cannot start: one
 * line on stderr, French then English, naming the variable to look at (a value missing or malformed, a port taken, a
 * database or a Kafka cluster that does not answer or refuses the login), and an exit status: 2 for a value of the
 * configuration, 1 for anything else. The Java stack trace follows only with {@code VIGIE_LOG_LEVEL=DEBUG}.
 */
public final class Startup {
  /** Exit status of a service whose configuration cannot be used. */
  public static final int CONFIGURATION_ERROR = 2;
  /** Exit status of a service that could not start for another reason (a dependency unreachable). */
  public static final int FAILURE = 1;

  private Startup() {}

  /** Starts a service; on failure says why in one line and ends the JVM (its shutdown hooks run). */
  public static <T> T orExit(String service, Supplier<T> start) {
    boolean debug = "DEBUG".equalsIgnoreCase(System.getenv().getOrDefault("VIGIE_LOG_LEVEL", ""));
    return orElse(service, start, System.err, debug, System::exit);
  }

  /**
   * Stops the service when the JVM is asked to end (SIGTERM, SIGINT): logs that it is stopping, runs {@code stop},
   * then logs how long that took, so that an operator reading the log tells a requested stop from a crash.
   * Returns the hook, which {@link Runtime#removeShutdownHook} withdraws.
   */
  public static Thread stopOnShutdown(String service, Runnable stop) {
    Thread hook = new Thread(stopping(service, stop, LoggerFactory.getLogger(Startup.class)), service + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** What {@link #stopOnShutdown} runs: {@code stop} between two lines of the log. */
  static Runnable stopping(String service, Runnable stop, Logger log) {
    return () -> {
      long start = System.nanoTime();
      log.info("{} : arrêt demandé / stopping", service);
      stop.run();
      long millis = (System.nanoTime() - start) / 1_000_000;
      log.info("{} : arrêté en {} ms / stopped in {} ms", service, millis, millis);
    };
  }

  /** As {@link #orExit}, with the stream, the stack trace choice and the exit given (tests). */
  static <T> T orElse(String service, Supplier<T> start, PrintStream err, boolean stackTrace, IntConsumer exit) {
    try {
      return start.get();
    } catch (RuntimeException | Error e) {
      err.println(describe(service, e));
      if (stackTrace) {
        e.printStackTrace(err);
      }
      err.flush();
      exit.accept(exitStatus(e));
      return null;
    }
  }

  /** The exit status for a start that failed with {@code e}. */
  public static int exitStatus(Throwable e) {
    return find(e, ConfigException.class) != null ? CONFIGURATION_ERROR : FAILURE;
  }

  /** The one line an operator reads when {@code service} could not start. */
  public static String describe(String service, Throwable e) {
    String head = service + " ne démarre pas / does not start: ";
    ConfigException config = find(e, ConfigException.class);
    if (config != null) {
      return head + oneLine(config);
    }
    SQLException sql = deepestSqlState(e);
    if (sql != null) {
      String state = sql.getSQLState();
      String detail = oneLine(sql) + " (SQLSTATE " + state + ")";
      if (state.startsWith("08")) {
        return head + "PostgreSQL injoignable / unreachable (" + ConfigNames.VIGIE_DB_URL + "): " + detail;
      }
      if (state.startsWith("28")) {
        return head + "PostgreSQL refuse la connexion / refuses the login (" + ConfigNames.VIGIE_DB_USER + ", "
            + ConfigNames.VIGIE_DB_PASSWORD + "): " + detail;
      }
      if (state.equals("3D000")) {
        return head + "base de données absente / no such database (" + ConfigNames.VIGIE_DB_URL + "): " + detail;
      }
      return head + "PostgreSQL : " + detail;
    }
    BindException bind = find(e, BindException.class);
    if (bind != null) {
      return head + "port déjà pris / port already in use: " + oneLine(e);
    }
    return head + oneLine(e);
  }

  /**
   * A port that cannot be bound, as a {@link ConfigException} naming the variable that sets it; any other failure
   * as it is.
   */
  public static RuntimeException portFailure(String variable, int port, RuntimeException e) {
    if (find(e, BindException.class) == null) {
      return e;
    }
    return new ConfigException(variable, "= " + port + " : ce port est déjà pris par un autre processus / this port is "
        + "already in use by another process", e);
  }

  /** A throwable's message on one line (its class when it has none). */
  public static String oneLine(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.replaceAll("[\\s-]*\\R[\\s-]*", " ").strip();
  }

  private static <X extends Throwable> X find(Throwable e, Class<X> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The SQL error nearest the cause, the one the database (or the driver) gave, with its state. */
  private static SQLException deepestSqlState(Throwable e) {
    SQLException found = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        found = s;
      }
    }
    return found;
  }
}
