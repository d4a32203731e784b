package com.campaigntracker.command.briefing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What issuing needs of {@code tracker.briefing.offices}: key, district and the 总期数 reached before this system.
 * The query side binds the same prefix for mastheads and footers.
 */
@ConfigurationProperties("tracker.briefing")
public class BriefingIssueProperties {
    static final String DEFAULT_OFFICE = "wenmingban";
    private List<Office> offices = new ArrayList<>();

    public List<Office> getOffices() {
        return offices;
    }

    public void setOffices(List<Office> offices) {
        this.offices = offices;
    }

    /** The configured office of this key; with none configured, the query side's default office. */
    public Optional<Office> office(String key) {
        if (offices.isEmpty() && DEFAULT_OFFICE.equals(key)) {
            Office o = new Office();
            o.setKey(DEFAULT_OFFICE);
            return Optional.of(o);
        }
        return offices.stream().filter(o -> o.getKey() != null && o.getKey().equals(key)).findFirst();
    }

    /** Only the fields issuing needs; unknown ones (masthead, footer) are the query side's. */
    public static class Office {
        private String key;
        private String district;
        private int totalIssueBase;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getDistrict() {
            return district;
        }

        public void setDistrict(String district) {
            this.district = district;
        }

        public int getTotalIssueBase() {
            return totalIssueBase;
        }

        public void setTotalIssueBase(int totalIssueBase) {
            this.totalIssueBase = totalIssueBase;
        }
    }
}
