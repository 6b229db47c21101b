package org.vigie.notifier.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.vigie.notifier.directory.Contact;

/**
 * A volunteer's quiet hours, in their own time zone: a window of minutes after local midnight,
 * possibly across midnight (22:00–07:00). Returns when the window ends if an instant falls in it.
 */
public final class QuietHours {
  private QuietHours() {}

  public static Optional<Instant> deferUntil(Contact c, Instant now) {
    Integer start = c.quietStartMinute();
    Integer end = c.quietEndMinute();
    if (start == null || end == null || start.equals(end)) {
      return Optional.empty();
    }
    ZonedDateTime local = now.atZone(c.timeZone());
    int minute = local.getHour() * 60 + local.getMinute();
    LocalDate day = local.toLocalDate();
    boolean inside;
    LocalDate endDay;
    if (start < end) {
      inside = minute >= start && minute < end;
      endDay = day;
    } else {
      inside = minute >= start || minute < end;
      endDay = minute >= start ? day.plusDays(1) : day;
    }
    if (!inside) {
      return Optional.empty();
    }
    LocalTime endTime = LocalTime.of(end / 60 % 24, end % 60);
    return Optional.of(endDay.atTime(endTime).atZone(c.timeZone()).toInstant());
  }
}
