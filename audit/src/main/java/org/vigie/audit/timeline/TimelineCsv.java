package org.vigie.audit.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A timeline as CSV (RFC 4180, one row per entry, header row, UTF-8 text; empty field = not applicable). */
public final class TimelineCsv {
  static final String[] HEADER = {"kind", "date", "recorded_at", "recorded_by", "type", "description", "event_id",
      "alert_id", "rule", "severity", "episode_start", "deadline", "reference", "text_version_date", "rule_version",
      "channel", "recipient", "recipient_role", "state"};

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
            e.state()}).map(v -> Objects.toString(v, "")));
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
