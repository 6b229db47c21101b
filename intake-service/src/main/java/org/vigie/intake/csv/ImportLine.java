package org.vigie.intake.csv;

import java.util.List;
import java.util.UUID;
import org.vigie.intake.http.Detail;

/** The outcome of one line of an import: ACCEPTED (events recorded), DUPLICATE (imported before) or REJECTED. */
public record ImportLine(long line, Status status, UUID caseId, int events, String column, Detail error,
    List<UUID> possibleDuplicates, List<UUID> possibleDuplicatesByName) {
  public enum Status { ACCEPTED, DUPLICATE, REJECTED }

  public ImportLine(long line, Status status, UUID caseId, int events, String column, Detail error) {
    this(line, status, caseId, events, column, error, List.of(), List.of());
  }

  /**
   * The same line, with the other open cases of the association (or of the file) whose person has the
   * foreigner number this line gave (most likely the same person, followed twice), and those whose person
   * has its name, one of the two without a number.
   */
  ImportLine withPossibleDuplicates(List<UUID> byNumber, List<UUID> byName) {
    return new ImportLine(line, status, caseId, events, column, error, List.copyOf(byNumber),
        List.copyOf(byName));
  }

  static ImportLine rejected(long line, String column, Detail error) {
    return new ImportLine(line, Status.REJECTED, null, 0, column, error);
  }
}
