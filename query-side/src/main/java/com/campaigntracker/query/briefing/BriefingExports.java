package com.campaigntracker.query.briefing;

import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import org.springframework.stereotype.Component;

/** Word and PDF of a briefing (draft or issued), with the configured fonts. */
@Component
public class BriefingExports {
    private final BriefingProperties properties;

    public BriefingExports(BriefingProperties properties) {
        this.properties = properties;
    }

    public byte[] docx(Briefing briefing) {
        return BriefingDocx.write(BriefingLayout.of(briefing), properties.getFonts());
    }

    public byte[] pdf(Briefing briefing) {
        return BriefingPdf.write(BriefingLayout.of(briefing), properties.getFonts());
    }
}
