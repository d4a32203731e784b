package com.campaigntracker.command.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the first sheet of an .xlsx (or a UTF-8 .csv) row by row, never holding the workbook: POI's SAX event API
 * ({@link XSSFReader}, ADR 0004) over the sheet's XML, with POI's defences on — zip bombs (inflate ratio and entry
 * size limits) and DOCTYPEs (no entity expansion) are refused. Every cell comes as text: numbers plainly
 * ({@code 12}, {@code 7.5}, whatever their display format), date-formatted cells as {@code 2020-06-15}.
 * Formula cells are flagged and never evaluated. Other sheets (填写说明, hidden ones) are not read; merged cells
 * are read as stored (the value in the first cell, the others empty).
 */
final class SheetReader {
    private static final CsvMapper CSV = new CsvMapper();
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private SheetReader() {
    }

    /** One cell as text (null when empty), and whether it held a formula. */
    record Value(String text, boolean formula) {
        static final Value EMPTY = new Value(null, false);

        boolean blank() {
            return !formula && (text == null || text.isBlank());
        }
    }

    interface RowVisitor {
        /** {@code row} is the row number as the spreadsheet shows it (1 = the header row). */
        void row(int row, List<Value> cells);
    }

    /**
     * Calls {@code visitor} for the header row (row 1) and every non-blank row after it.
     *
     * @throws BadImportFile when the file is no spreadsheet, unreadable, or holds more than {@code maxRows} rows
     */
    static void read(Path file, String filename, int maxRows, RowVisitor visitor) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 4 && java.util.Arrays.equals(head, ZIP)) {
                xlsx(file, maxRows, visitor);
            } else if (n == 4 && java.util.Arrays.equals(head, OLE)) {
                throw new BadImportFile("import-old-excel", "不支持旧版 Excel(.xls)文件,请在 Excel 中另存为 .xlsx 后上传");
            } else if (filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                csv(file, maxRows, visitor);
            } else {
                throw BadImportFile.notASpreadsheet();
            }
        } catch (IOException e) {
            throw BadImportFile.unreadable("读取失败");
        }
    }

    private static void csv(Path file, int maxRows, RowVisitor visitor) throws IOException {
        Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            int row = 0;
            int data = 0;
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                row++;
                List<Value> values = new ArrayList<>(cells.length);
                for (String c : cells) {
                    String text = row == 1 && values.isEmpty() && c.startsWith("\uFEFF") ? c.substring(1) : c;
                    // a CSV cell starting with = would be a formula in Excel: refused like one
                    values.add(text.isEmpty() ? Value.EMPTY : new Value(text, text.startsWith("=")));
                }
                if (row > 1 && values.stream().allMatch(Value::blank)) {
                    continue;
                }
                if (row > 1 && ++data > maxRows) {
                    throw BadImportFile.tooManyRows(maxRows);
                }
                visitor.row(row, values);
            }
        } catch (CharacterCodingException e) {
            throw new BadImportFile("import-not-utf8", "CSV 文件须为 UTF-8 编码(Excel:另存为 “CSV UTF-8”)");
        } catch (RuntimeException e) {
            if (e instanceof com.campaigntracker.command.rules.RuleViolation) {
                throw e;
            }
            if (e.getCause() instanceof CharacterCodingException) {
                throw new BadImportFile("import-not-utf8", "CSV 文件须为 UTF-8 编码(Excel:另存为 “CSV UTF-8”)");
            }
            throw BadImportFile.unreadable("CSV 格式错误");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw BadImportFile.unreadable("CSV 格式错误");
        }
    }

    private static void xlsx(Path file, int maxRows, RowVisitor visitor) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw BadImportFile.notASpreadsheet();
            }
            Rows rows = new Rows(maxRows, visitor);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                ContentHandler handler = new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows,
                        new PlainFormatter(), false);
                FormulaSpy spy = new FormulaSpy(rows);
                spy.setContentHandler(handler);
                parser.setContentHandler(spy);
                parser.parse(new InputSource(sheet));
            }
        } catch (com.campaigntracker.command.rules.RuleViolation e) {
            throw e;
        } catch (Exception e) {
            throw BadImportFile.unreadable(e instanceof SAXException ? "XML 内容不合规" : "不是有效的 .xlsx");
        }
    }

    /** Numbers as their plain value (not their display format), date-formatted numbers as ISO dates. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Notes which cells of the current row hold a formula ({@code <f>} inside {@code <c>}). */
    private static final class FormulaSpy extends XMLFilterImpl {
        private final Rows rows;
        private String cell;

        FormulaSpy(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                cell = atts.getValue("r");
            } else if ("f".equals(localName) && cell != null) {
                rows.formula(new CellReference(cell).getCol());
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final RowVisitor visitor;
        private final List<Value> cells = new ArrayList<>();
        private final Set<Integer> formulas = new HashSet<>();
        private int next;
        private int data;

        Rows(int maxRows, RowVisitor visitor) {
            this.maxRows = maxRows;
            this.visitor = visitor;
        }

        void formula(int column) {
            formulas.add(column);
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            formulas.clear();
            next = 0;
        }

        @Override
        public void endRow(int rowNum) {
            for (int f : formulas) {
                set(f, cells.size() > f && cells.get(f) != null ? cells.get(f).text() : null, true);
            }
            int row = rowNum + 1;
            if (row > 1 && cells.stream().allMatch(v -> v == null || v.blank())) {
                return;
            }
            if (row > 1 && ++data > maxRows) {
                throw BadImportFile.tooManyRows(maxRows);
            }
            List<Value> out = new ArrayList<>(cells.size());
            cells.forEach(v -> out.add(v == null ? Value.EMPTY : v));
            visitor.row(row, out);
        }

        @Override
        public void cell(String ref, String formatted, XSSFComment comment) {
            int column = ref == null ? next : new CellReference(ref).getCol();
            next = column + 1;
            set(column, formatted, formulas.contains(column));
        }

        private void set(int column, String text, boolean formula) {
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, new Value(text == null || text.isEmpty() ? null : text, formula));
        }
    }
}
