package org.vigie.intake.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IcsWriterTest {
  @Test
  void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
    String value = "é".repeat(60) + "€" + "a".repeat(30);
    String text = new IcsWriter().text("SUMMARY", value).toString();

    assertThat(text).endsWith("\r\n");
    String[] lines = text.substring(0, text.length() - 2).split("\r\n", -1);
    assertThat(lines).hasSizeGreaterThan(1);
    Arrays.stream(lines).forEach(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    Arrays.stream(lines).skip(1).forEach(l -> assertThat(l).startsWith(" "));
    // unfolding (a CRLF followed by a space removed) gives the line back
    assertThat(text.replace("\r\n ", "")).isEqualTo("SUMMARY:" + value + "\r\n");
  }

  @Test
  void textValuesAreEscaped() {
    assertThat(IcsWriter.escape("a\\b;c,d\ne")).isEqualTo("a\\\\b\\;c\\,d\\ne");
  }
}
