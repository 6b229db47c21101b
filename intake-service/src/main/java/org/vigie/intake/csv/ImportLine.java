package org.vigie.intake.csv;

import java.util.UUID;
import org.vigie.intake.http.Detail;

/** The outcome of one line of an import: ACCEPTED (events recorded), DUPLICATE (imported before) or REJECTED. */
public record ImportLine(long line, Status status, UUID caseId, int events, String column, Detail error) {
  public enum Status { ACCEPTED, DUPLICATE, REJECTED }

  static ImportLine rejected(long line, String column, Detail error) {
    return new ImportLine(line, Status.REJECTED, null, 0, column, error);
  }
}
