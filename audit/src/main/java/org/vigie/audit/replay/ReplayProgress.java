package org.vigie.audit.replay;

/** How far a replay is: events read out of the events to read (end offsets taken at the start). */
public record ReplayProgress(long eventsRead, long eventsTotal, int partitionsDone, int partitions) {
  public double fraction() {
    return eventsTotal == 0 ? 1.0 : (double) eventsRead / eventsTotal;
  }
}
