package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.platform.config.Config;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The directory and the alerts come on two topics: a notifier that reads an alert before the entry of the volunteer
 * it names (the directory's consumer behind, as at a start on a log already written) waits for its copy of the
 * directory instead of telling the coordinators, as it does for a volunteer who left.
 */
class DirectoryFirstTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  @Test
  void anAlertReadBeforeItsVolunteersEntryGoesToTheVolunteerNotTheCoordinators() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String coordinator = Fixtures.id("coord");
    Config config = Harness.fromNow(SMTP.getSmtp().getPort()).with(NotifierSettings.VIGIE_NOTIFIER_DIRECTORY_WAIT, "PT60S");
    try (Harness kafka = new Harness()) {
      // the coordinator is known to the notifier's copy before anything else
      try (NotifierService first = NotifierService.start(config)) {
        kafka.publish(Fixtures.coordinator(association, coordinator, coordinator + "@asso.test").build());
        await().atMost(Duration.ofSeconds(60)).until(() -> NotifierServiceTest.directoryRows(first, association) == 1);
      }
      // while it is stopped: thousands of entries of other associations, the volunteer's, then the alert naming them
      List<DirectoryEntry> others = IntStream.range(0, 5000)
          .mapToObj(i -> Fixtures.volunteer(Fixtures.id("other"), Fixtures.id("vol"), null).build()).toList();
      kafka.publishDirectory(others);
      kafka.publish(Fixtures.volunteer(association, volunteer, volunteer + "@asso.test").build());
      CaseAlert alert = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL).build();
      kafka.publish(alert);

      try (NotifierService service = NotifierService.start(config)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, volunteer + "@asso.test").size() == 1);
        assertThat(Mails.subject(Mails.to(SMTP, volunteer + "@asso.test").get(0))).contains("API_EXPIRED");
        assertThat(Mails.to(SMTP, coordinator + "@asso.test")).as("the coordinator, not told").isEmpty();
      }
    }
  }
}
