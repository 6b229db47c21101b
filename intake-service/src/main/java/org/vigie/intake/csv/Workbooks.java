package org.vigie.intake.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.vigie.intake.http.ApiProblem;

/**
 * An association's Excel workbook (.xlsx), read as the CSV it would save: the first visible sheet, one line
 * per row (an empty row kept as a line of empty cells, so each line's number is its row's), separated by {@code ;};
 * a date cell written dd/mm/yyyy, a number without its trailing zeros, true and false as oui and non. An old
 * .xls workbook is refused with what to do.
 */
public final class Workbooks {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  /** Excel's built-in date formats (ids 14 to 17, and 22 with a time; 18 to 21 and 45 to 47 are times alone). */
  private static final Set<Integer> DATE_FORMATS = Set.of(14, 15, 16, 17, 22);

  private Workbooks() {}

  /** Whether the bytes are a workbook (.xlsx, a zip, or the .xls of older Excel), not a CSV text. */
  public static boolean isWorkbook(byte[] body) {
    // the header checks need their signature's length (8 bytes for the older format): a shorter body is text
    return body.length >= 8 && (ReadableWorkbook.isOOXMLZipHeader(body) || ReadableWorkbook.isOLE2Header(body));
  }

  /**
   * The workbook's first visible sheet as CSV (UTF-8); 400 naming the body when it cannot be read, 413 when
   * its CSV would pass {@code maxChars} (a small file can hold a huge sheet: it is read row by row and stopped).
   */
  public static byte[] toCsv(byte[] workbook, long maxChars) {
    if (ReadableWorkbook.isOLE2Header(workbook)) {
      throw ApiProblem.badRequest("body", "Ce classeur est au format .xls d'anciennes versions d'Excel : enregistrez-le au format .xlsx ou .csv",
          "This workbook is in the .xls format of older Excel versions: save it as .xlsx or .csv");
    }
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook), new ReadingOptions(true, false))) {
      Sheet sheet = book.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
          .orElseGet(book::getFirstSheet);
      StringWriter out = new StringWriter();
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n").get());
      int next = 1;
      try (java.util.stream.Stream<Row> rows = sheet.openStream()) {
        for (java.util.Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
          Row row = it.next();
          for (; next < row.getRowNum(); next++) {
            // two empty cells, not an empty line (which CSV reading skips): the rows below keep their numbers
            printer.printRecord("", "");
          }
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
          }
          printer.printRecord(cells);
          next = row.getRowNum() + 1;
          if (out.getBuffer().length() > maxChars) {
            throw ApiProblem.tooLarge(maxChars);
          }
        }
      }
      printer.flush();
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiProblem p) {
        throw p;
      }
      throw ApiProblem.badRequest("body", "Le classeur Excel est illisible : enregistrez-le de nouveau, ou au format .csv",
          "The Excel workbook cannot be read: save it again, or as .csv");
    }
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
      return "";
    }
    if (cell.getType() == CellType.BOOLEAN) {
      return Boolean.TRUE.equals(cell.asBoolean()) ? "oui" : "non";
    }
    String raw = cell.getRawValue();
    if (raw == null) {
      return "";
    }
    if (cell.getType() == CellType.NUMBER || cell.getType() == CellType.FORMULA && isNumber(raw)) {
      if (isDate(cell)) {
        return FRENCH.format(cell.asDate());
      }
      return cell.getType() == CellType.NUMBER ? withLeadingZeros(new BigDecimal(raw).stripTrailingZeros().toPlainString(),
          cell.getDataFormatString()) : raw;
    }
    return cell.getType() == CellType.STRING ? cell.asString() : raw;
  }

  /**
   * A whole number shown with a format of zeros ("0000000000", as spreadsheets keep a foreigner number or a
   * phone number typed as a number) gets the leading zeros the format shows.
   */
  private static String withLeadingZeros(String digits, String format) {
    if (format == null || !format.matches("0{2,}") || !digits.matches("\\d+") || digits.length() >= format.length()) {
      return digits;
    }
    return "0".repeat(format.length() - digits.length()) + digits;
  }

  /** A number shown as a date: a built-in date format, or a format of days, months or years. */
  private static boolean isDate(Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id != null && DATE_FORMATS.contains(id)) {
      return true;
    }
    String format = cell.getDataFormatString();
    if (format == null) {
      return false;
    }
    // quoted text, escaped characters and [colour] or [$-locale] parts say nothing of dates
    String bare = format.replaceAll("\"[^\"]*\"|\\\\.|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
    return bare.contains("d") || bare.contains("y");
  }

  private static boolean isNumber(String raw) {
    try {
      new BigDecimal(raw);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
