package org.vigie.cli.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.vigie.intake.csv.TitleLines;

/**
 * Splits an association's spreadsheet (CSV) into smaller CSV files with the same header, so a big
 * import is sent in steps and its progress shown. Each chunk remembers the line number of each of
 * its rows in the original file, to report errors where the user will look for them.
 */
public final class CsvChunks {
  private CsvChunks() {}

  /** One CSV file to send: the header and some rows, and the original line number of each row. */
  public record Chunk(String csv, List<Long> originalLines) {
    /** The original line of the row the server reports at {@code line} of this chunk (header = line 1). */
    public long originalLine(long line) {
      int index = (int) (line - 2);
      return index >= 0 && index < originalLines.size() ? originalLines.get(index) : line;
    }
  }

  /** UTF-8 (with or without BOM), else Windows-1252 as spreadsheets export it. */
  public static String decode(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  /** Chunks of at most {@code rowsPerChunk} non-blank rows; the delimiter (';' or ',') is kept. */
  public static List<Chunk> split(String whole, int rowsPerChunk) {
    if (rowsPerChunk < 1) {
      throw new IllegalArgumentException("rowsPerChunk must be positive");
    }
    // a title above the table is left out, as intake does; the lines keep their numbers in the file
    int above = TitleLines.before(whole);
    String text = TitleLines.dropped(whole, above);
    char delimiter = delimiter(text);
    CSVFormat in = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
    CSVFormat out = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\n").get();
    List<Chunk> chunks = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), in)) {
      List<String> header = parser.getHeaderNames();
      List<CSVRecord> rows = new ArrayList<>();
      for (CSVRecord row : parser) {
        if (row.stream().allMatch(String::isBlank)) {
          continue;
        }
        rows.add(row);
        if (rows.size() == rowsPerChunk) {
          chunks.add(chunk(out, header, rows, above));
          rows.clear();
        }
      }
      if (!rows.isEmpty() || chunks.isEmpty()) {
        chunks.add(chunk(out, header, rows, above));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return chunks;
  }

  private static Chunk chunk(CSVFormat format, List<String> header, List<CSVRecord> rows, int above) throws IOException {
    StringBuilder csv = new StringBuilder();
    List<Long> lines = new ArrayList<>();
    try (CSVPrinter printer = new CSVPrinter(csv, format)) {
      printer.printRecord(header);
      for (CSVRecord row : rows) {
        printer.printRecord(row.values());
        lines.add(row.getRecordNumber() + 1 + above);
      }
    }
    return new Chunk(csv.toString(), List.copyOf(lines));
  }

  private static char delimiter(String text) {
    String first = text.lines().findFirst().orElse("");
    long semicolons = first.chars().filter(c -> c == ';').count();
    long commas = first.chars().filter(c -> c == ',').count();
    return semicolons >= commas ? ';' : ',';
  }
}
