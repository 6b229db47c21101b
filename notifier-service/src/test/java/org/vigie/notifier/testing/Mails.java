package org.vigie.notifier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what reached the test SMTP server. */
public final class Mails {
  private Mails() {}

  public static List<MimeMessage> to(GreenMailOperations smtp, String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String plainText(MimeMessage mail) {
    try {
      return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every ack link of the mail, in order: one per alert it is about. */
  public static List<String> ackLinks(MimeMessage mail) {
    Matcher m = Pattern.compile("Accuser réception\u00A0: (http://\\S+/ack/[A-Za-z0-9_-]+)").matcher(plainText(mail));
    List<String> links = new java.util.ArrayList<>();
    while (m.find()) {
      links.add(m.group(1));
    }
    return links;
  }

  public static String ackLink(MimeMessage mail) {
    String text = plainText(mail);
    Matcher m = Pattern.compile("(http://\\S+/ack/[A-Za-z0-9_-]+)").matcher(text);
    assertThat(m.find()).as("ack link in %s", text).isTrue();
    return m.group(1);
  }
}
