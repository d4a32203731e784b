package com.campaigntracker.query.briefing;

import com.campaigntracker.query.web.ApiException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.http.HttpStatus;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDF: A4, masthead in red, with a subset of each font embedded, so the Chinese text is selectable and
 * renders on a machine without Chinese fonts. PDFBox subsets TrueType outlines only (Noto CJK's CFF outlines
 * fail at subsetting), hence the TrueType-outline font files of {@link BriefingProperties.Fonts}.
 */
final class BriefingPdf {
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float LEFT = 79;   // 28 mm
    private static final float RIGHT = 74;  // 26 mm
    private static final float TOP = 105;   // 37 mm
    private static final float BOTTOM = 99; // 35 mm
    private static final float WIDTH = A4.getWidth() - LEFT - RIGHT;
    private static final float BODY = 15;
    private static final Color RED = new Color(0xC0, 0, 0);
    private static final String NO_LINE_START = "，。、；：！？）》”’」』,.;:!?)";

    private BriefingPdf() {
    }

    record Segment(PDFont font, String text) {
    }

    static byte[] write(BriefingLayout l, BriefingProperties.Fonts fonts) {
        try (TrueTypeCollection titleFile = collection(fonts.getPdfTitle(), "pdf-title");
             TrueTypeCollection bodyFile = collection(fonts.getPdfBody(), "pdf-body");
             PDDocument doc = new PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font title = PDType0Font.load(doc, face(titleFile, fonts.getPdfTitleFace()), true);
            PDType0Font body = PDType0Font.load(doc, face(bodyFile, fonts.getPdfBodyFace()), true);
            Writer w = new Writer(doc);
            w.centered(title, 26, l.title(), RED);
            w.gap(6);
            w.centered(body, 16, l.issueLine(), Color.BLACK);
            if (!l.totalLine().isEmpty()) {
                w.centered(body, 16, l.totalLine(), Color.BLACK);
            }
            w.gap(6);
            w.leftRight(body, 15, l.office(), l.date());
            w.rule(RED, 1.5f);
            w.gap(10);
            if (l.column() != null) {
                w.paragraph(List.of(new Segment(title, l.column())), BODY, 0, false);
                w.gap(6);
            }
            for (BriefingLayout.Paragraph p : l.paragraphs()) {
                List<Segment> segments = new ArrayList<>();
                if (!p.lead().isEmpty()) {
                    segments.add(new Segment(title, p.lead()));
                }
                segments.add(new Segment(body, p.text()));
                w.paragraph(segments, BODY, p.source() ? 0 : 2 * BODY, p.source());
                w.gap(4);
            }
            if (!l.appendix().isEmpty()) {
                w.newPage();
                w.paragraph(List.of(new Segment(title, "附表:各单位活动情况(精确数字)")), BODY, 0, false);
                w.gap(6);
                w.row(body, BriefingLayout.APPENDIX_HEADER);
                for (List<String> row : l.appendix()) {
                    w.row(body, row);
                }
            }
            if (!l.footerLines().isEmpty() || !l.distributionLines().isEmpty()) {
                w.gap(20);
                w.rule(Color.BLACK, 0.75f);
                w.gap(4);
                for (String line : l.footerLines()) {
                    w.paragraph(List.of(new Segment(body, line)), 12, 0, false);
                }
                w.rule(Color.BLACK, 0.75f);
                w.gap(4);
                for (String line : l.distributionLines()) {
                    w.paragraph(List.of(new Segment(body, line)), 12, 0, false);
                }
            }
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeCollection collection(String path, String property) throws IOException {
        File f = path == null ? null : new File(path);
        if (f == null || !f.canRead()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PDF 字体缺失",
                    "找不到 PDF 字体文件 " + path + "(配置项 tracker.briefing.fonts." + property
                    + ");请安装 Debian 包 fonts-arphic-uming 与 fonts-wqy-zenhei,或指向另一个 TrueType 轮廓的中文字体");
        }
        return new TrueTypeCollection(f);
    }

    /** The face of that name in a collection (a single .ttf is a collection of one), else the first face. */
    private static TrueTypeFont face(TrueTypeCollection c, String name) throws IOException {
        if (name != null && !name.isBlank()) {
            TrueTypeFont named = c.getFontByName(name);
            if (named != null) {
                return named;
            }
        }
        TrueTypeFont[] first = new TrueTypeFont[1];
        c.processAllFonts(f -> {
            if (first[0] == null) {
                first[0] = f;
            }
        });
        return first[0];
    }

    /** Writes top to bottom, opening pages as it goes. */
    private static final class Writer {
        private final PDDocument doc;
        private final Map<PDFont, Map<Integer, Boolean>> printable = new HashMap<>();
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = A4.getHeight() - TOP;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        void gap(float points) {
            y -= points;
        }

        private void room(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void centered(PDFont font, float size, String text, Color color) throws IOException {
            String t = safe(font, text);
            room(size * 1.5f);
            y -= size * 1.3f;
            float width = font.getStringWidth(t) / 1000 * size;
            show(font, size, t, LEFT + (WIDTH - width) / 2, color);
            y -= size * 0.2f;
        }

        void leftRight(PDFont font, float size, String left, String right) throws IOException {
            room(size * 1.5f);
            y -= size * 1.3f;
            show(font, size, safe(font, left), LEFT, Color.BLACK);
            String r = safe(font, right);
            show(font, size, r, LEFT + WIDTH - font.getStringWidth(r) / 1000 * size, Color.BLACK);
            y -= size * 0.3f;
        }

        void rule(Color color, float width) throws IOException {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.moveTo(LEFT, y);
            cs.lineTo(LEFT + WIDTH, y);
            cs.stroke();
            y -= width;
        }

        void row(PDFont font, List<String> cells) throws IOException {
            float size = 9;
            room(size * 1.6f);
            y -= size * 1.5f;
            float[] x = {0, 0.16f, 0.46f, 0.58f, 0.74f, 0.88f};
            for (int i = 0; i < cells.size() && i < x.length; i++) {
                show(font, size, safe(font, cells.get(i)), LEFT + x[i] * WIDTH, Color.BLACK);
            }
        }

        /** Wraps the segments to the text width, any character being a break point except before closing marks. */
        void paragraph(List<Segment> segments, float size, float indent, boolean alignRight) throws IOException {
            List<List<Segment>> lines = new ArrayList<>();
            List<Segment> line = new ArrayList<>();
            float used = indent;
            for (Segment s : segments) {
                StringBuilder run = new StringBuilder();
                String text = safe(s.font(), s.text().replace('\n', ' '));
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    float w = s.font().getStringWidth(ch) / 1000 * size;
                    boolean closing = NO_LINE_START.contains(ch);
                    if (used + w > WIDTH && !closing && (run.length() > 0 || !line.isEmpty())) {
                        if (run.length() > 0) {
                            line.add(new Segment(s.font(), run.toString()));
                        }
                        lines.add(line);
                        line = new ArrayList<>();
                        run = new StringBuilder();
                        used = 0;
                    }
                    run.append(ch);
                    used += w;
                    i += Character.charCount(cp);
                }
                if (run.length() > 0) {
                    line.add(new Segment(s.font(), run.toString()));
                }
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            boolean first = true;
            for (List<Segment> l : lines) {
                room(size * 1.7f);
                y -= size * 1.7f;
                float width = 0;
                for (Segment s : l) {
                    width += s.font().getStringWidth(s.text()) / 1000 * size;
                }
                float x = alignRight ? LEFT + WIDTH - width : LEFT + (first ? indent : 0);
                for (Segment s : l) {
                    show(s.font(), size, s.text(), x, Color.BLACK);
                    x += s.font().getStringWidth(s.text()) / 1000 * size;
                }
                first = false;
            }
        }

        private void show(PDFont font, float size, String text, float x, Color color) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setNonStrokingColor(color);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        }

        /** Characters the font has no glyph for become "?", not an exception. */
        private String safe(PDFont font, String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                boolean ok = cp >= 0x20 && printable.computeIfAbsent(font, f -> new HashMap<>())
                        .computeIfAbsent(cp, c -> {
                            try {
                                font.encode(ch);
                                return true;
                            } catch (IOException | IllegalArgumentException e) {
                                return false;
                            }
                        });
                out.append(ok ? ch : cp == '\t' ? " " : "?");
            });
            return out.toString();
        }
    }
}
