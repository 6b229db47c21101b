package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.rules.Events;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.RuleId;

/**
 * A case handed over to another volunteer: the alerts open on it are emitted again, unchanged, with
 * the new assignee, so the volunteer now following it is told and its reminders go to them.
 */
class HandOverTopologyTest {
  final RulesDriver driver = new RulesDriver();
  final Events e = new Events("case-1");
  final LocalDate today = RulesDriver.today0();

  @AfterEach
  void close() {
    driver.close();
  }

  /** Permit expired ten days ago, employed, renewal filed on time, no API: several alerts open for vol-1. */
  private List<CaseAlert> openAlertsOfVol1() {
    LocalDate expiry = today.minusDays(10);
    driver.record(e.opened(today.minusDays(200), PermitKind.CARTE_TEMPORAIRE, expiry, true, false),
        e.submission(expiry.minusDays(90)));
    java.util.Collection<String> openIds = driver.openAlerts().values();
    List<CaseAlert> open = driver.allAlerts().stream().filter(a -> openIds.contains(a.getAlertId())).toList();
    assertThat(open).hasSizeGreaterThanOrEqualTo(2).allSatisfy(a -> {
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getAssignedVolunteerId()).isEqualTo("vol-1");
    });
    return open;
  }

  @Test
  void aHandOverEmitsEveryOpenAlertAgainForTheNewVolunteer() {
    List<CaseAlert> open = openAlertsOfVol1();

    driver.record(e.volunteer(today, "vol-2"));

    List<CaseAlert> handedOver = driver.newAlerts();
    assertThat(handedOver).hasSameSizeAs(open).allSatisfy(a -> {
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getAssignedVolunteerId()).isEqualTo("vol-2");
    });
    assertThat(handedOver).extracting(CaseAlert::getAlertId, CaseAlert::getRule, CaseAlert::getSeverity,
            CaseAlert::getEpisodeStart, CaseAlert::getRaisedAt, CaseAlert::getDeadline)
        .containsExactlyInAnyOrderElementsOf(open.stream().map(a -> org.assertj.core.groups.Tuple.tuple(a.getAlertId(),
            a.getRule(), a.getSeverity(), a.getEpisodeStart(), a.getRaisedAt(), a.getDeadline())).toList());
    assertThat(handedOver).allSatisfy(a -> assertThat(a.getMessage().getFr()).isNotBlank());
  }

  @Test
  void theSameVolunteerAgainOrAnOlderAssignmentHandsNothingOver() {
    openAlertsOfVol1();

    driver.record(e.volunteer(today, "vol-1"));
    assertThat(driver.newAlerts()).as("assigned again to the volunteer already following it").isEmpty();

    driver.record(e.volunteer(today.minusDays(300), "vol-9"));
    assertThat(driver.newAlerts()).as("an assignment older than the current one, recorded late").isEmpty();

    driver.record(e.blockage(today, org.vigie.schemas.BlockageKind.ACCOUNT_LOCKED));
    assertThat(driver.newAlerts()).as("another kind of event, which changes no alert").isEmpty();
  }

  @Test
  void aResolvedAlertIsNotHandedOverAndLaterAlertsGoToTheNewVolunteer() {
    openAlertsOfVol1();
    driver.record(e.api(today, today.plusDays(90)));
    List<CaseAlert> resolved = driver.newAlerts();
    assertThat(resolved).extracting(CaseAlert::getRule).contains(RuleId.API_NOT_ISSUED);
    List<String> stillOpen = List.copyOf(driver.openAlerts().keySet());

    driver.record(e.volunteer(today, "vol-2"));

    assertThat(driver.newAlerts()).extracting(a -> a.getCaseId() + "|" + a.getRule())
        .containsExactlyInAnyOrderElementsOf(stillOpen)
        .doesNotContain("case-1|" + RuleId.API_NOT_ISSUED);

    driver.advanceTo(today.plusDays(62));
    assertThat(driver.newAlerts()).filteredOn(a -> a.getRule() == RuleId.API_EXPIRING).isNotEmpty()
        .allSatisfy(a -> assertThat(a.getAssignedVolunteerId()).isEqualTo("vol-2"));
  }
}
