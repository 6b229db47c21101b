package org.vigie.audit.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.vigie.audit.timeline.PdfLayout;

/** A draft as a one- or two-page A4 PDF in French: to whom, the date, the subject, the text, and a reminder to check it. */
public final class LetterPdf {
  private LetterPdf() {}

  public static byte[] toPdf(Letter letter, String associationName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.getDocumentInformation().setTitle(letter.kind().title(true) + " — dossier " + letter.reference());
      document.getDocumentInformation().setCreator("Vigie");
      document.getDocumentCatalog().setLanguage("fr-FR");
      try (PdfLayout layout = new PdfLayout(document, () -> {})) {
        layout.newPage();
        layout.paragraph(LetterWriter.DISCLAIMER, layout.regular, 8.5f);
        layout.skip(10);
        if (associationName != null && !associationName.isBlank()) {
          layout.paragraph(associationName, layout.bold, 10.5f);
        }
        layout.paragraph("À : " + letter.recipient(), layout.regular, 10.5f);
        layout.paragraph("Le " + FrenchDates.of(letter.writtenOn()), layout.regular, 10.5f);
        layout.skip(8);
        layout.paragraph("Objet : " + letter.subject(), layout.bold, 10.5f);
        layout.skip(6);
        String previous = null;
        for (String p : letter.paragraphs()) {
          boolean item = p.startsWith(Letter.BULLET);
          if (previous != null && !(item && previous.startsWith(Letter.BULLET))) {
            layout.skip(5);
          }
          layout.paragraph(p, layout.regular, 10.5f);
          previous = p;
        }
      }
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
