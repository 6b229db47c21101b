package org.vigie.rules.topology;

import org.apache.kafka.common.errors.SerializationException;

/** A case state over the size the service stores (see {@link CaseStateSerde#DEFAULT_MAX_BYTES}). */
public final class CaseStateTooLargeException extends SerializationException {
  private static final long serialVersionUID = 1L;

  CaseStateTooLargeException(String caseId, int bytes, int maxBytes) {
    super("State of case " + caseId + " would be " + bytes + " bytes, over the " + maxBytes + " stored");
  }
}
