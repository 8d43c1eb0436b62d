package org.edulake.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook with POI's streaming (SAX) reader, so a large
 * workbook is never held as a DOM. Dates come out as ISO text and numbers without exponent or
 * a trailing ".0" (so numeric school codes stay codes); formulas give their cached value and
 * are never evaluated.
 */
public final class XlsxSheet {
  private XlsxSheet() {}

  /** Formats cells the way our contracts read them, whatever the workbook's display format. */
  private static final class ContractFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        var dateTime = DateUtil.getLocalDateTime(value);
        return dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
            ? dateTime.toLocalDate().toString() : dateTime.toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  public static void read(byte[] bytes, Consumer<SheetRow> sink) throws FileUnreadableException {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new FileUnreadableException("в книге XLSX нет листов", null);
      }
      try (InputStream sheet = sheets.next()) {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        XMLReader xml = factory.newSAXParser().getXMLReader();
        xml.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());   // no stderr noise
        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
            new RowCollector(sink), new ContractFormatter(), false));
        xml.parse(new InputSource(sheet));
      }
    } catch (FileUnreadableException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new FileUnreadableException("файл не является книгой Excel (XLSX) или повреждён", e);
    }
  }

  private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Consumer<SheetRow> sink;
    private List<String> cells;
    private int rowNum;

    RowCollector(Consumer<SheetRow> sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      this.rowNum = rowNum;
      this.cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      sink.accept(new SheetRow(rowNum + 1L, cells));
    }

    @Override
    public void cell(String ref, String formattedValue, XSSFComment comment) {
      int col = new CellReference(ref).getCol();
      while (cells.size() < col) {
        cells.add(null);
      }
      cells.add(formattedValue);
    }
  }
}
