package org.vigie.audit.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.vigie.schemas.CorrectionKind;

/**
 * One side of a correction of an event recorded in error. On the correcting event
 * ({@link TimelineEntry#correction()}): the event it corrects and how, {@code recordedAt} null. On
 * the corrected event ({@link TimelineEntry#correctedBy()}): the event that corrects it, how, and
 * when that correction was recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorrectionLink(String eventId, CorrectionKind kind, Instant recordedAt) {}
