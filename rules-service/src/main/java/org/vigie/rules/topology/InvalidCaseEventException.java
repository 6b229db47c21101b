package org.vigie.rules.topology;

/** A case event that decodes but cannot be folded; the processing handler sends it to the dead-letter queue. */
public final class InvalidCaseEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCaseEventException(String message) {
    super(message);
  }
}
