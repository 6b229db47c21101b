package org.vigie.cli.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SMTP server of {@code vigie local} (GreenMail, accepts every recipient) and a small web page
 * listing the mails it received, so alerts can be read without a mail account. Mails live in
 * memory: a restart empties the mailbox (the notifier's ledger keeps what was sent).
 */
public final class LocalMailbox implements AutoCloseable {
  private final GreenMail smtp;
  private final Javalin web;

  private LocalMailbox(GreenMail smtp, Javalin web) {
    this.smtp = smtp;
    this.web = web;
  }

  /** Starts SMTP on {@code smtpPort} and the page on {@code webPort} (0: any free port), on loopback. */
  public static LocalMailbox start(int smtpPort, int webPort) {
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      Javalin web = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.routes.get("/", ctx -> page(ctx, smtp));
        config.routes.get("/api/messages", ctx -> ctx.json(Map.of("messages", summaries(smtp))));
      });
      web.start("127.0.0.1", webPort);
      return new LocalMailbox(smtp, web);
    } catch (RuntimeException e) {
      smtp.stop();
      throw e;
    }
  }

  public int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  public int webPort() {
    return web.port();
  }

  /** What the SMTP server received so far, oldest first. */
  public List<MailSummary> messages() {
    return summaries(smtp);
  }

  private static List<MailSummary> summaries(GreenMail smtp) {
    List<MailSummary> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      out.add(MailSummary.of(m));
    }
    return out;
  }

  private static void page(Context ctx, GreenMail smtp) {
    StringBuilder html = new StringBuilder()
        .append("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
        .append("<title>Vigie – courriels envoyés</title>")
        .append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}")
        .append("article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}")
        .append("pre{white-space:pre-wrap}</style></head><body>")
        .append("<h1>Courriels envoyés par Vigie <small>(mails sent by Vigie)</small></h1>");
    List<MailSummary> mails = summaries(smtp);
    if (mails.isEmpty()) {
      html.append("<p>Aucun courriel pour l'instant. (No mail yet.)</p>");
    }
    for (int i = mails.size() - 1; i >= 0; i--) {
      MailSummary m = mails.get(i);
      html.append("<article><p><b>").append(escape(m.subject())).append("</b></p>")
          .append("<p>À (to) : ").append(escape(m.to()))
          .append(" — de (from) : ").append(escape(m.from()))
          .append(" — ").append(escape(m.sentAt())).append("</p>")
          .append("<pre>").append(escape(m.body())).append("</pre></article>");
    }
    html.append("</body></html>");
    ctx.html(html.toString());
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @Override
  public void close() {
    try {
      web.stop();
    } finally {
      smtp.stop();
    }
  }

  /** One received mail as shown on the page. */
  public record MailSummary(String from, String to, String subject, String sentAt, String body) {
    public static MailSummary of(MimeMessage m) {
      try {
        return new MailSummary(
            GreenMailUtil.getAddressList(m.getFrom()),
            GreenMailUtil.getAddressList(m.getAllRecipients()),
            m.getSubject() == null ? "" : m.getSubject(),
            m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString(),
            textOf(m));
      } catch (MessagingException | java.io.IOException e) {
        return new MailSummary("", "", "(unreadable message: " + e.getMessage() + ")", "", "");
      }
    }

    /** The decoded text of a mail: its text/plain part, else its first text part. */
    static String textOf(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
      if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
        return String.valueOf(part.getContent());
      }
      if (part.isMimeType("multipart/*")) {
        jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
        String fallback = "";
        for (int i = 0; i < multipart.getCount(); i++) {
          jakarta.mail.BodyPart child = multipart.getBodyPart(i);
          if (child.isMimeType("text/plain")) {
            return String.valueOf(child.getContent());
          }
          if (fallback.isEmpty()) {
            fallback = textOf(child);
          }
        }
        return fallback;
      }
      return "";
    }
  }
}
