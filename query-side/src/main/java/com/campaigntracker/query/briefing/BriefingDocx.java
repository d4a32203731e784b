package com.campaigntracker.query.briefing;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * The Word file: A4 with the seeds' margins, the masthead in red in the title font, body in the body font.
 * Every run names its font for the East-Asian range too (w:rFonts w:eastAsia), else Word shows the Chinese text in
 * its default CJK font whatever the ASCII font is.
 */
final class BriefingDocx {
    static final String RED = "C00000";
    /** Twentieths of a point: A4 is 210 × 297 mm. */
    private static final long A4_WIDTH = 11906;
    private static final long A4_HEIGHT = 16838;
    private static final int BODY_SIZE = 16; // 三号, as official briefings print the body

    private BriefingDocx() {
    }

    static byte[] write(BriefingLayout l, BriefingProperties.Fonts fonts) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            a4(doc);
            XWPFParagraph title = centered(doc);
            run(title, l.title(), fonts.getDocxTitle(), 30, true, RED);
            XWPFParagraph issue = centered(doc);
            run(issue, l.issueLine(), fonts.getDocxBody(), BODY_SIZE, false, null);
            if (!l.totalLine().isEmpty()) {
                run(centered(doc), l.totalLine(), fonts.getDocxBody(), BODY_SIZE, false, null);
            }
            XWPFParagraph office = doc.createParagraph();
            office.setBorderBottom(Borders.SINGLE); // the red rule under the masthead
            office.getCTP().getPPr().getPBdr().getBottom().setColor(RED);
            office.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(18));
            run(office, l.office(), fonts.getDocxBody(), BODY_SIZE, false, null);
            XWPFRun tab = office.createRun();
            tab.addTab();
            office.getCTP().getPPr().addNewTabs().addNewTab().setPos(BigInteger.valueOf(8800));
            office.getCTP().getPPr().getTabs().getTabArray(0)
                    .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
            run(office, l.date(), fonts.getDocxBody(), BODY_SIZE, false, null);
            if (l.column() != null) {
                XWPFParagraph column = doc.createParagraph();
                column.setSpacingBefore(200);
                run(column, l.column(), fonts.getDocxHeading(), BODY_SIZE, true, null);
            }
            for (BriefingLayout.Paragraph p : l.paragraphs()) {
                XWPFParagraph para = doc.createParagraph();
                if (p.source()) {
                    para.setAlignment(ParagraphAlignment.RIGHT);
                } else {
                    para.setIndentationFirstLine(BODY_SIZE * 20 * 2); // two characters
                    para.setAlignment(ParagraphAlignment.BOTH);
                }
                para.setSpacingBetween(1.5);
                if (!p.lead().isEmpty()) {
                    run(para, p.lead(), fonts.getDocxHeading(), BODY_SIZE, true, null);
                }
                run(para, p.text(), fonts.getDocxBody(), BODY_SIZE, false, null);
            }
            if (!l.appendix().isEmpty()) {
                XWPFParagraph head = doc.createParagraph();
                head.setPageBreak(true);
                run(head, "附表:各单位活动情况(精确数字)", fonts.getDocxHeading(), BODY_SIZE, true, null);
                table(doc, l.appendix(), fonts);
            }
            if (!l.footerLines().isEmpty() || !l.distributionLines().isEmpty()) {
                XWPFParagraph rule = doc.createParagraph();
                rule.setSpacingBefore(400);
                rule.setBorderBottom(Borders.SINGLE);
                for (String line : l.footerLines()) {
                    run(doc.createParagraph(), line, fonts.getDocxBody(), 14, false, null);
                }
                XWPFParagraph rule2 = doc.createParagraph();
                rule2.setBorderBottom(Borders.SINGLE);
                for (String line : l.distributionLines()) {
                    XWPFParagraph d = doc.createParagraph();
                    d.setIndentationHanging(14 * 20 * 2);
                    d.setIndentationLeft(14 * 20 * 2);
                    run(d, line, fonts.getDocxBody(), 14, false, null);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void a4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098)); // 37 mm
        margins.setBottom(BigInteger.valueOf(1984)); // 35 mm
        margins.setLeft(BigInteger.valueOf(1588)); // 28 mm
        margins.setRight(BigInteger.valueOf(1474)); // 26 mm
    }

    private static XWPFParagraph centered(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold, String color) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        if (color != null) {
            r.setColor(color);
        }
        return r;
    }

    private static void table(XWPFDocument doc, List<List<String>> rows, BriefingProperties.Fonts fonts) {
        XWPFTable t = doc.createTable(rows.size() + 1, BriefingLayout.APPENDIX_HEADER.size());
        fill(t.getRow(0), BriefingLayout.APPENDIX_HEADER, fonts.getDocxHeading(), true);
        for (int i = 0; i < rows.size(); i++) {
            fill(t.getRow(i + 1), rows.get(i), fonts.getDocxBody(), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, String font, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            run(p, cells.get(c), font, 12, bold, null);
        }
    }
}
