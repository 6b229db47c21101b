package org.vigie.notifier.channel;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.vigie.notifier.ledger.NotificationKey;
import org.vigie.notifier.message.MessageComposer;
import org.vigie.notifier.message.Notice;
import org.vigie.notifier.message.Rendered;
import org.vigie.schemas.NotificationChannel;

/**
 * Email over SMTP (Angus Mail): multipart/alternative, French then English, plain text and HTML. The Message-ID is
 * derived from the ledger key (a resend carries the same), its domain the sender's; a follow-up (reminder,
 * escalation round, resolution notice, hand-over to someone told before) answers the first mail its recipient
 * received about the alert ({@code In-Reply-To}, {@code References}), so that a mail reader shows one conversation.
 */
public final class EmailChannel implements Channel {
  /** The Message-ID domain when the sender's address has none. */
  static final String DEFAULT_DOMAIN = "vigie.local";

  private final Session session;
  private final InternetAddress from;
  private final InternetAddress[] replyTo;
  private final String domain;
  private final MessageComposer composer;
  private final ThreadLocal<Transport> connections = new ThreadLocal<>();
  private final java.util.Set<Transport> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the whole class path
   * on every header or body encoding, unless this property names it: naming the provider Angus Mail
   * registers anyway makes each email several times cheaper to build. Set only when unset.
   */
  static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

  public EmailChannel(String host, int port, String from, MessageComposer composer) {
    this(host, port, from, java.util.Optional.empty(), composer);
  }

  /** @param replyTo where answers to the mails go (the {@code Reply-To} header), when not to the sender */
  public EmailChannel(String host, int port, String from, java.util.Optional<String> replyTo, MessageComposer composer) {
    if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
      System.setProperty(STREAM_PROVIDER_PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", String.valueOf(port));
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    this.session = Session.getInstance(p);
    try {
      InternetAddress address = new InternetAddress(from, true);
      // a bare address shows as itself in a mailbox: named "Vigie" unless SMTP_FROM names the sender ("Name <address>")
      this.from = address.getPersonal() != null ? address : new InternetAddress(address.getAddress(), "Vigie", "UTF-8");
    } catch (AddressException | java.io.UnsupportedEncodingException e) {
      throw new IllegalArgumentException("SMTP_FROM is not an email address", e);
    }
    this.replyTo = replyTo.map(EmailChannel::replyTo).orElse(null);
    this.domain = domainOf(this.from.getAddress());
    this.composer = composer;
  }

  /** The domain of a sender's address, for Message-IDs; {@link #DEFAULT_DOMAIN} without one. */
  static String domainOf(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1).trim();
    return domain.isEmpty() ? DEFAULT_DOMAIN : domain;
  }

  private static InternetAddress[] replyTo(String addresses) {
    try {
      return InternetAddress.parse(addresses, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("the Reply-To address is not an email address", e);
    }
  }

  @Override
  public NotificationChannel kind() {
    return NotificationChannel.EMAIL;
  }

  @Override
  public void send(Notice notice) throws DeliveryException {
    String to = notice.recipient().email();
    if (to == null || to.isBlank()) {
      throw DeliveryException.permanent("recipient has no email address");
    }
    Rendered r = composer.render(notice);
    try {
      MimeMessage message = new KeyedMessage(session, NotificationKey.messageId(notice.row().key(), domain));
      message.setFrom(from);
      if (replyTo != null) {
        message.setReplyTo(replyTo);
      }
      if (notice.threadKey() != null) {
        // a follow-up: the first mail about the alert, as its parent and as its conversation's start
        String first = NotificationKey.messageId(notice.threadKey(), domain);
        message.setHeader("In-Reply-To", first);
        message.setHeader("References", first);
      }
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(r.subject(), "UTF-8");
      message.setSentDate(Date.from(notice.at()));
      message.setHeader("Content-Language", "fr, en");
      message.setHeader("Auto-Submitted", "auto-generated");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(r.text(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(r.html(), "UTF-8", "html");
      message.setContent(new MimeMultipart("alternative", text, html));
      message.saveChanges();
      transmit(message);
    } catch (AddressException e) {
      throw DeliveryException.permanent("invalid email address");
    } catch (MessagingException e) {
      throw classify(e);
    }
  }

  /**
   * Sends over this thread's SMTP connection, opened on first use and kept between messages (a
   * connection per message costs more than the message). A kept connection the server has closed
   * is replaced once at once; other failures close it so the next attempt starts afresh.
   */
  private void transmit(MimeMessage message) throws MessagingException {
    Transport kept = connections.get();
    if (kept != null && kept.isConnected()) {
      try {
        kept.sendMessage(message, message.getAllRecipients());
        return;
      } catch (MessagingException e) {
        if (e instanceof jakarta.mail.SendFailedException) {
          throw e;
        }
        drop(kept);
      }
    } else if (kept != null) {
      drop(kept);
    }
    Transport fresh = session.getTransport("smtp");
    fresh.connect();
    connections.set(fresh);
    open.add(fresh);
    try {
      fresh.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      if (!(e instanceof jakarta.mail.SendFailedException)) {
        drop(fresh);
      }
      throw e;
    }
  }

  private void drop(Transport t) {
    connections.remove();
    open.remove(t);
    try {
      t.close();
    } catch (MessagingException e) {
      // already broken
    }
  }

  @Override
  public void close() {
    for (Transport t : open) {
      try {
        t.close();
      } catch (MessagingException e) {
        // closing anyway
      }
    }
    open.clear();
  }

  static DeliveryException classify(MessagingException e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      int code = -1;
      if (t instanceof SMTPAddressFailedException a) {
        code = a.getReturnCode();
      } else if (t instanceof SMTPSendFailedException s) {
        code = s.getReturnCode();
      }
      if (code >= 500 && code < 600) {
        return new DeliveryException("SMTP rejected the message (" + code + ")", true, e);
      }
    }
    return DeliveryException.transientFailure("SMTP unavailable: " + e.getClass().getSimpleName(), e);
  }

  /** A message whose Message-ID is fixed (derived from the ledger key) instead of random. */
  private static final class KeyedMessage extends MimeMessage {
    private final String messageId;

    KeyedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
