package org.vigie.audit.replay;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.vigie.schemas.CaseAlert;

/**
 * Prints a replay as text, one line per alert record and per difference (the same log gives the
 * same lines), and the progress to another sink (e.g. stderr), since it depends on timing.
 */
public final class ReplayPrinter implements ReplayListener {
  private final PrintWriter out;
  private final Consumer<String> progressSink;

  public ReplayPrinter(PrintWriter out, Consumer<String> progressSink) {
    this.out = out;
    this.progressSink = progressSink;
  }

  @Override
  public void alert(CaseAlert a) {
    out.println(String.join(" ", "ALERT", a.getEmittedAt().toString(), a.getStatus().name(), a.getSeverity().name(),
        a.getRule().name(), "case=" + a.getCaseId(), "alert=" + a.getAlertId(), "episode=" + a.getEpisodeStart(),
        "deadline=" + (a.getDeadline() == null ? "-" : a.getDeadline()), "ruleVersion=" + a.getRuleVersion())
        + (a.getResolution() == null ? "" : " resolution=" + a.getResolution()));
  }

  @Override
  public void difference(AlertDifference d) {
    AlertKey k = d.alert();
    out.println(String.join(" ", "DIFF", d.side().name(), k.day().toString(), k.status().name(), k.severity().name(),
        k.rule().name(), "case=" + k.caseId(), "alert=" + k.alertId(), "episode=" + k.episodeStart()));
  }

  @Override
  public void progress(ReplayProgress p) {
    progressSink.accept(String.format(Locale.ROOT, "replay: %d/%d events (%.0f %%), partition %d/%d",
        p.eventsRead(), p.eventsTotal(), 100 * p.fraction(), p.partitionsDone(), p.partitions()));
  }

  /** The closing summary line. */
  public void summary(ReplayReport r) {
    out.println(String.format(Locale.ROOT,
        "SUMMARY events=%d replayed=%d unreadable=%d cases=%d derived=%d live=%d replayOnly=%d liveOnly=%d match=%s",
        r.eventsRead(), r.eventsReplayed(), r.unreadable(), r.cases(), r.alertsDerived(), r.liveAlerts(),
        r.replayOnly(), r.liveOnly(), r.matchesLive()));
    out.flush();
  }
}
