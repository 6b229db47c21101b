package org.vigie.audit.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vigie.schemas.wording.SpreadsheetCell;

/**
 * A timeline as CSV (RFC 4180, one row per entry, header row, UTF-8 text; empty field = not applicable); a name that
 * a spreadsheet would read as a formula is marked as text ({@link SpreadsheetCell}).
 * Columns are only ever added at the end: the correction columns, the English description, then the names.
 */
public final class TimelineCsv {
  static final String[] HEADER = {"kind", "date", "recorded_at", "recorded_by", "type", "description", "event_id",
      "alert_id", "rule", "severity", "episode_start", "deadline", "reference", "text_version_date", "rule_version",
      "channel", "recipient", "recipient_role", "state", "corrects_event_id", "correction_kind", "corrected_by_event_id",
      "corrected_by_kind", "corrected_at", "description_en", "recorded_by_name", "recipient_name"};

  private TimelineCsv() {}

  public static String toCsv(CaseTimeline timeline) {
    StringBuilder out = new StringBuilder();
    write(timeline, out);
    return out.toString();
  }

  public static void write(CaseTimeline timeline, Appendable out) {
    try {
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
      for (TimelineEntry e : timeline.entries()) {
        printer.printRecord(Arrays.stream(new Object[] {e.kind(), e.date(), e.recordedAt(), e.recordedBy(), e.type(),
            e.description(), e.eventId(), e.alertId(), e.rule(), e.severity(), e.episodeStart(), e.deadline(),
            e.reference(), e.textVersionDate(), e.ruleVersion(), e.channel(), e.recipient(), e.recipientRole(),
            e.state(), link(e.correction(), CorrectionLink::eventId), link(e.correction(), CorrectionLink::kind),
            link(e.correctedBy(), CorrectionLink::eventId), link(e.correctedBy(), CorrectionLink::kind),
            link(e.correctedBy(), CorrectionLink::recordedAt), e.descriptionEn(), SpreadsheetCell.text(e.recordedByName()),
            SpreadsheetCell.text(e.recipientName())}).map(v -> Objects.toString(v, "")));
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object link(CorrectionLink link, Function<CorrectionLink, Object> field) {
    return link == null ? null : field.apply(link);
  }
}
