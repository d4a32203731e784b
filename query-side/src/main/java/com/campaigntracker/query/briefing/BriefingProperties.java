package com.campaigntracker.query.briefing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tracker.briefing.*}: the issuing offices (masthead, 栏目, footer, distribution lines) and the fonts of
 * the exports. With no office configured there is one, {@link #DEFAULT_OFFICE}.
 */
@ConfigurationProperties("tracker.briefing")
public class BriefingProperties {
    public static final String DEFAULT_TITLE = "精神文明建设情况简报";
    public static final String DEFAULT_OFFICE = "wenmingban";

    private boolean leadersMayIssue;
    private List<Office> offices = new ArrayList<>();
    private Fonts fonts = new Fonts();

    public boolean isLeadersMayIssue() {
        return leadersMayIssue;
    }

    public void setLeadersMayIssue(boolean leadersMayIssue) {
        this.leadersMayIssue = leadersMayIssue;
    }

    public List<Office> getOffices() {
        return offices;
    }

    public void setOffices(List<Office> offices) {
        this.offices = offices;
    }

    public Fonts getFonts() {
        return fonts;
    }

    public void setFonts(Fonts fonts) {
        this.fonts = fonts;
    }

    /** The configured offices, or the built-in default one. */
    public List<Office> offices() {
        if (!offices.isEmpty()) {
            return offices;
        }
        Office o = new Office();
        o.setKey(DEFAULT_OFFICE);
        o.setName("精神文明建设委员会办公室");
        return List.of(o);
    }

    public Optional<Office> office(String key) {
        return offices().stream().filter(o -> key != null && key.equals(o.getKey())).findFirst();
    }

    public static class Office {
        private String key;
        private String name;
        private String district;
        private String title = DEFAULT_TITLE;
        private String column = "新时代文明实践";
        private int totalIssueBase;
        private String editor;
        private String reviewer;
        private String phone;
        private String fax;
        private String email;
        private String reportTo;
        private String sendTo;
        private String distributeTo;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDistrict() {
            return district;
        }

        public void setDistrict(String district) {
            this.district = district;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getColumn() {
            return column;
        }

        public void setColumn(String column) {
            this.column = column;
        }

        public int getTotalIssueBase() {
            return totalIssueBase;
        }

        public void setTotalIssueBase(int totalIssueBase) {
            this.totalIssueBase = totalIssueBase;
        }

        public String getEditor() {
            return editor;
        }

        public void setEditor(String editor) {
            this.editor = editor;
        }

        public String getReviewer() {
            return reviewer;
        }

        public void setReviewer(String reviewer) {
            this.reviewer = reviewer;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getFax() {
            return fax;
        }

        public void setFax(String fax) {
            this.fax = fax;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getReportTo() {
            return reportTo;
        }

        public void setReportTo(String reportTo) {
            this.reportTo = reportTo;
        }

        public String getSendTo() {
            return sendTo;
        }

        public void setSendTo(String sendTo) {
            this.sendTo = sendTo;
        }

        public String getDistributeTo() {
            return distributeTo;
        }

        public void setDistributeTo(String distributeTo) {
            this.distributeTo = distributeTo;
        }
    }

    /**
     * Fonts of the exports. Word names fonts (the reader's machine supplies them); the PDF embeds a subset of a
     * TrueType-outline font file, from Debian's fonts-arphic-uming (body, a 明体) and fonts-wqy-zenhei (title, a
     * 黑体). A collection (.ttc) takes the face named by {@code *-face}, else its first face.
     */
    public static class Fonts {
        private String docxTitle = "方正小标宋简体";
        private String docxHeading = "黑体";
        private String docxBody = "仿宋_GB2312";
        private String pdfTitle = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
        private String pdfTitleFace = "WenQuanYiZenHei";
        private String pdfBody = "/usr/share/fonts/truetype/arphic/uming.ttc";
        private String pdfBodyFace = "UMingCN";

        public String getDocxTitle() {
            return docxTitle;
        }

        public void setDocxTitle(String docxTitle) {
            this.docxTitle = docxTitle;
        }

        public String getDocxHeading() {
            return docxHeading;
        }

        public void setDocxHeading(String docxHeading) {
            this.docxHeading = docxHeading;
        }

        public String getDocxBody() {
            return docxBody;
        }

        public void setDocxBody(String docxBody) {
            this.docxBody = docxBody;
        }

        public String getPdfTitle() {
            return pdfTitle;
        }

        public void setPdfTitle(String pdfTitle) {
            this.pdfTitle = pdfTitle;
        }

        public String getPdfTitleFace() {
            return pdfTitleFace;
        }

        public void setPdfTitleFace(String pdfTitleFace) {
            this.pdfTitleFace = pdfTitleFace;
        }

        public String getPdfBody() {
            return pdfBody;
        }

        public void setPdfBody(String pdfBody) {
            this.pdfBody = pdfBody;
        }

        public String getPdfBodyFace() {
            return pdfBodyFace;
        }

        public void setPdfBodyFace(String pdfBodyFace) {
            this.pdfBodyFace = pdfBodyFace;
        }
    }
}
