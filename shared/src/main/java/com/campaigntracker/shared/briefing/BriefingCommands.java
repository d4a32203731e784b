package com.campaigntracker.shared.briefing;

import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands on an issuing office's series of 简报. */
public final class BriefingCommands {
    private BriefingCommands() {
    }

    /** The stream of an office's series; prefixed so it never meets a unit's or campaign's id. */
    public static String seriesId(String office) {
        return "briefings~" + office;
    }

    /**
     * Issue {@code briefing} as the office's next number. {@code totalBase} is the 总期数 the office had reached
     * before this system (from its configuration); {@code issuedOn} is today at the office.
     */
    public record IssueBriefing(@TargetAggregateIdentifier String seriesId, String office, int totalBase,
                                LocalDate issuedOn, String issuedBy, @Valid Briefing briefing) {
    }
}
