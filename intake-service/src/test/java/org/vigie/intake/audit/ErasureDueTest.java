package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/** Coordinators see which cases retention will soon erase for want of activity, and when. */
class ErasureDueTest {
  private static final Api API = TestIntake.api();

  @Test
  void aCaseInactiveForAlmostTheRetentionPeriodIsListedWithItsErasureDay() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String dormant = TestIntake.newCase(API, a.token());
    String active = TestIntake.newCase(API, a.token());
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    LocalDate lastActivity = today.minusYears(2).plusDays(10);
    try (Connection c = DriverManager.getConnection(TestIntake.databaseUrl()); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE intake.cases SET last_event_on = '" + lastActivity + "', opened_on = '" + lastActivity
          + "' WHERE case_id = '" + dormant + "'");
      s.executeUpdate("UPDATE intake.case_events SET occurred_on = '" + lastActivity + "', recorded_at = '" + lastActivity
          + "T10:00:00+01:00' WHERE case_id = '" + dormant + "'");
    }
    String path = ErasureDueRoutes.PATH.replace("{associationId}", a.id());

    Api.Response due = API.get(path, a.token());
    assertThat(due.status()).as(due.toString()).isEqualTo(200);
    assertThat(due.json().get("withinDays").asInt()).isEqualTo(60);
    assertThat(due.json().get("retention").asText()).isEqualTo("P2Y");
    assertThat(due.json().get("cases")).singleElement().satisfies(x -> {
      assertThat(x.get("caseId").asText()).isEqualTo(dormant);
      assertThat(x.get("lastActivityOn").asText()).isEqualTo(lastActivity.toString());
      assertThat(x.get("erasureOn").asText()).isEqualTo(today.plusDays(10).toString());
    });
    assertThat(due.body()).doesNotContain(active);
    assertThat(API.get(path + "?withinDays=5", a.token()).json().get("cases")).isEmpty();

    Api.Response bad = API.get(path + "?withinDays=0", a.token());
    assertThat(bad.status()).isIn(400, 422);
    assertThat(bad.json().get("field").asText()).isEqualTo("withinDays");
    assertThat(API.get(path, TestIntake.newAssociation(API).token()).status()).isEqualTo(404);
    String volunteer = TestIntake.tokenFor(API, a, TestIntake.newVolunteer(API, a, "VOLUNTEER"));
    assertThat(API.get(path, volunteer).status()).isEqualTo(403);

    // Recording what happens keeps the case.
    assertThat(API.post("/api/v1/cases/" + dormant + "/events", a.token(),
        "{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"" + today + "\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}")
        .status()).isEqualTo(202);
    assertThat(API.get(path, a.token()).json().get("cases")).isEmpty();
  }
}
