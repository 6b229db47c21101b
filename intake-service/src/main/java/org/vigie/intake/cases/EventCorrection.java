package org.vigie.intake.cases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.vigie.schemas.Correction;
import org.vigie.schemas.CorrectionKind;

/** What a correcting event does ({@code kind}) to the earlier event of its case it names ({@code eventId}). */
public record EventCorrection(UUID eventId, CorrectionKind kind) {

  public Correction avro() {
    return new Correction(eventId.toString(), kind);
  }

  /** {@code {"eventId": …, "kind": …}}, as the API shows it. */
  public ObjectNode json() {
    return JsonNodeFactory.instance.objectNode().put("eventId", eventId.toString()).put("kind", kind.name());
  }
}
