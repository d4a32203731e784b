package com.campaigntracker.query.briefing;

import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BriefingExportsTest {
    static final Briefing HUAIROU = BriefingDrafterTest.draft(BriefingDrafterTest.huairou("ON_TRACK", List.of(),
            List.of(new CampaignFigures.UnitRef("hr-a", "琉璃庙镇实践站", "怀柔区"))));

    static BriefingExports exports(BriefingProperties.Fonts fonts) {
        BriefingProperties p = new BriefingProperties();
        p.setFonts(fonts);
        return new BriefingExports(p);
    }

    @Test
    void wordHasTheTextAndNamesTheEastAsianFonts() throws Exception {
        BriefingProperties.Fonts fonts = new BriefingProperties.Fonts();
        fonts.setDocxBody("仿宋");
        byte[] bytes = exports(fonts).docx(HUAIROU);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            String all = String.join("\n", ps.stream().map(XWPFParagraph::getText).toList());
            assertThat(all).contains("首都精神文明建设情况简报").contains("第 41 期").contains("(总第 2150 期)")
                    .contains("首都精神文明办").contains("2020年8月13日").contains("【新时代文明实践中心建设】")
                    .contains("600多场次").contains("3万余人次").contains("(怀柔区文明办)")
                    .contains("责编:梅雪峰  核稿:田文松").contains("报:中央文明办");
            XWPFRun title = ps.get(0).getRuns().get(0);
            assertThat(title.getText(0)).isEqualTo("首都精神文明建设情况简报");
            assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(title.getColor()).isEqualTo(BriefingDocx.RED);
            XWPFRun body = ps.stream().filter(p -> p.getText().contains("600多场次")).findFirst().orElseThrow()
                    .getRuns().stream().filter(r -> r.text().contains("600多场次")).findFirst().orElseThrow();
            assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(doc.getTables()).hasSize(1); // the appendix
        }
    }

    @Test
    void pdfEmbedsItsFontsAndItsTextIsSelectableAndDrawn() throws Exception {
        byte[] bytes = exports(new BriefingProperties.Fonts()).pdf(HUAIROU);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("首都精神文明建设情况简报").contains("600多场次").contains("3万余人次")
                    .contains("(怀柔区文明办)").contains("琉璃庙镇实践站尚未报送活动情况");
            PDPage first = pdf.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : first.getResources().getFontNames()) {
                fonts.add(first.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                assertThat(f).isInstanceOf(PDType0Font.class);
            });
            // every character of the title maps to a real glyph of the embedded font (not .notdef, the empty box)
            PDType0Font titleFont = (PDType0Font) fonts.stream().filter(f -> f.getName().contains("ZenHei"))
                    .findFirst().orElseThrow();
            for (int cp : "首都精神文明建设情况简报".codePoints().toArray()) {
                byte[] code = titleFont.encode(new String(Character.toChars(cp)));
                int cid = ((code[0] & 0xff) << 8) | (code[1] & 0xff);
                assertThat(titleFont.codeToGID(cid)).as("glyph of " + new String(Character.toChars(cp))).isPositive();
                assertThat(titleFont.getPath(cid).getBounds2D().isEmpty()).isFalse();
            }
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 96);
            File png = new File("target/briefing-page1.png");
            ImageIO.write(page, "png", png);
            // the red masthead: reddish ink in the top band, spread over many columns (glyphs, not one box outline)
            int red = 0;
            int dark = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (r > 150 && g < 80 && b < 80) {
                        red++;
                    } else if (r < 90 && g < 90 && b < 90) {
                        dark++;
                    }
                }
            }
            assertThat(red).as("red masthead pixels").isGreaterThan(2_000);
            assertThat(dark).as("body text pixels").isGreaterThan(5_000);
        }
    }

    @Test
    void aMissingFontFileIsAClearError() {
        BriefingProperties.Fonts fonts = new BriefingProperties.Fonts();
        fonts.setPdfBody("/nonexistent/uming.ttc");
        assertThatThrownBy(() -> exports(fonts).pdf(HUAIROU)).isInstanceOf(ApiException.class)
                .hasMessageContaining("/nonexistent/uming.ttc").hasMessageContaining("fonts-arphic-uming")
                .hasMessageContaining("tracker.briefing.fonts.pdf-body");
    }
}
