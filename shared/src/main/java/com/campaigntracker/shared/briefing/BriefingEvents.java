package com.campaigntracker.shared.briefing;

import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Events of an office's 简报 series. A public, versioned contract: reshape only through upcasters. */
public final class BriefingEvents {
    private BriefingEvents() {
    }

    public sealed interface BriefingEvent permits BriefingIssued {
        String office();
    }

    /**
     * An issued briefing: its final text, the figures it was drafted from (in its sections), scope, as-of date and
     * who issued it, with its 期数 of the year and its 总期数. It never changes; a correction is a new issue.
     */
    @Revision("1")
    public record BriefingIssued(String office, String briefingId, int issueNo, int totalIssueNo,
                                 LocalDate issuedOn, String issuedBy, Briefing briefing) implements BriefingEvent {
    }
}
