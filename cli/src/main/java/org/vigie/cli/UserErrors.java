package org.vigie.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.vigie.cli.client.ApiException;
import org.vigie.intake.http.QueryParams;
import org.vigie.platform.config.ConfigException;
import picocli.CommandLine;

/**
 * What the person at the terminal reads when a command fails: one line, French then English, never a Java stack
 * trace (set {@code VIGIE_LOG_LEVEL=DEBUG} to see one).
 */
public final class UserErrors {
  /** The days a date option can name, as the API's: a day no case can hold is refused before a computation overflows. */
  private static final LocalDate EARLIEST_DAY = QueryParams.EARLIEST_DAY;
  private static final LocalDate LATEST_DAY = QueryParams.LATEST_DAY;

  private UserErrors() {}

  /** The one line that says what went wrong. */
  public static String describe(Throwable e) {
    Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    if (t instanceof ApiException || t instanceof ConfigException) {
      return t.getMessage();
    }
    if (t instanceof NoSuchFileException f) {
      return "fichier ou dossier introuvable / no such file or directory: " + f.getFile();
    }
    if (t instanceof AccessDeniedException f) {
      return "accès refusé / permission denied: " + f.getFile();
    }
    if (t instanceof FileSystemException f) {
      String reason = f.getReason() == null ? "erreur du système de fichiers / file system error" : f.getReason();
      return f.getFile() + " : " + reason;
    }
    if (t instanceof IOException) {
      return "erreur d'entrée-sortie / input-output error: " + t.getMessage();
    }
    if (t instanceof NumberFormatException) {
      return "nombre attendu / a number was expected (" + t.getMessage() + ")";
    }
    if (t instanceof DateTimeException || t instanceof ArithmeticException) {
      return "date hors des limites du calendrier / date out of range (" + t.getMessage() + ")";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** A date option: yyyy-mm-dd, a real day from {@link #EARLIEST_DAY} to {@link #LATEST_DAY}. */
  public static LocalDate date(String value) {
    LocalDate day;
    try {
      day = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' n'est pas une date AAAA-MM-JJ / is not a date YYYY-MM-DD");
    }
    if (day.isBefore(EARLIEST_DAY) || day.isAfter(LATEST_DAY)) {
      throw new CommandLine.TypeConversionException("'" + value + "' : une date du " + EARLIEST_DAY + " au " + LATEST_DAY
          + " est attendue / a day from " + EARLIEST_DAY + " to " + LATEST_DAY + " is expected");
    }
    return day;
  }

  /**
   * A file option the command will write: its folder must exist and the path must not be a folder, checked before
   * the command reads the log (a parameter error, exit 2).
   */
  public static void writable(CommandLine.Model.CommandSpec spec, String option, Path file) {
    if (file == null) {
      return;
    }
    Path folder = file.toAbsolutePath().getParent();
    boolean folderOk = folder != null && Files.isDirectory(folder) && Files.isWritable(folder);
    boolean fileOk = !Files.isDirectory(file) && (!Files.exists(file) || Files.isWritable(file));
    if (!folderOk || !fileOk) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " : impossible d'écrire " + file
          + " (dossier absent, protégé, ou c'est un dossier) / cannot write " + file
          + " (missing or protected folder, or it is a folder)");
    }
  }

  /** An integer option at least {@code min}: a parameter error (exit 2) naming it otherwise. */
  public static void atLeast(CommandLine.Model.CommandSpec spec, String option, long value, long min) {
    if (value < min) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " doit valoir au moins " + min
          + " / must be at least " + min + " (" + value + ")");
    }
  }
}
