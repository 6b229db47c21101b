package org.vigie.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.vigie.platform.kafka.FreePorts;

class LocalMailboxTest {
  @Test
  void thePageListsReceivedMailsNewestFirstWithTheirTextEscaped() throws Exception {
    try (LocalMailbox mailbox = LocalMailbox.start(FreePorts.pick(), FreePorts.pick())) {
      ServerSetup smtp = new ServerSetup(mailbox.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      GreenMailUtil.sendTextEmail("a@asso.example", "vigie@localhost", "Première alerte", "texte 1", smtp);
      GreenMailUtil.sendTextEmail("b@asso.example", "vigie@localhost", "Seconde <b>alerte</b>", "<script>x</script>", smtp);

      String page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + mailbox.webPort() + "/")).build(),
          HttpResponse.BodyHandlers.ofString()).body();

      assertThat(page).contains("Seconde &lt;b&gt;alerte&lt;/b&gt;").contains("&lt;script&gt;").doesNotContain("<script>");
      assertThat(page.indexOf("Seconde")).isLessThan(page.indexOf("Première"));
      assertThat(mailbox.messages()).extracting(LocalMailbox.MailSummary::to).containsExactly("a@asso.example", "b@asso.example");
    }
  }
}
