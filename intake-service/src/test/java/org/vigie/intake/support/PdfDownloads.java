package org.vigie.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF of the API, fetched with a token, checked as a PDF and read back as text. */
public final class PdfDownloads {
  private PdfDownloads() {}

  public static String text(String path, String token) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + TestIntake.service().port() + path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    try (PDDocument document = Loader.loadPDF(r.body())) {
      return new PDFTextStripper().getText(document);
    }
  }
}
