package org.vigie.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vigie.notifier.directory.Contact;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.WebhookFormat;

class QuietHoursTest {
  private static Contact quiet(String zone, Integer start, Integer end) {
    return new Contact("v", "a", "V", VolunteerRole.VOLUNTEER, "v@x.test", null, null, true, ZoneId.of(zone), start, end,
        false, "fr", WebhookFormat.STANDARD, null, null);
  }

  @Test
  void aWindowAcrossMidnightDefersToItsEndInTheVolunteersZone() {
    Contact c = quiet("Europe/Paris", 22 * 60, 7 * 60);
    // 23:30 in Paris (winter, UTC+1) → 07:00 next day Paris = 06:00 UTC
    assertThat(QuietHours.deferUntil(c, Instant.parse("2026-11-26T22:30:00Z"))).contains(Instant.parse("2026-11-27T06:00:00Z"));
    // 03:00 in Paris → 07:00 the same day
    assertThat(QuietHours.deferUntil(c, Instant.parse("2026-11-27T02:00:00Z"))).contains(Instant.parse("2026-11-27T06:00:00Z"));
    // 12:00 in Paris → not quiet
    assertThat(QuietHours.deferUntil(c, Instant.parse("2026-11-27T11:00:00Z"))).isEmpty();
  }

  @Test
  void aWindowWithinADayAndTheZoneMatter() {
    Contact c = quiet("America/Cayenne", 12 * 60, 14 * 60);
    // 13:00 in Cayenne (UTC-3) = 16:00 UTC → ends 14:00 Cayenne = 17:00 UTC
    assertThat(QuietHours.deferUntil(c, Instant.parse("2026-11-26T16:00:00Z"))).contains(Instant.parse("2026-11-26T17:00:00Z"));
    assertThat(QuietHours.deferUntil(c, Instant.parse("2026-11-26T13:00:00Z"))).isEmpty();
  }

  @Test
  void noWindowMeansNoDeferral() {
    assertThat(QuietHours.deferUntil(quiet("Europe/Paris", null, null), Instant.parse("2026-11-26T23:00:00Z"))).isEmpty();
    assertThat(QuietHours.deferUntil(quiet("Europe/Paris", 60, 60), Instant.parse("2026-11-26T00:30:00Z"))).isEmpty();
  }
}
