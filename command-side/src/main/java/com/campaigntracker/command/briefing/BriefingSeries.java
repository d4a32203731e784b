package com.campaigntracker.command.briefing;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.shared.briefing.BriefingCommands.IssueBriefing;
import com.campaigntracker.shared.briefing.BriefingEvents.BriefingIssued;
import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An issuing office's series of 简报: hands out 期数 (per year) and 总期数. One stream per office, so two people
 * issuing at once are serialised by the stream's optimistic concurrency: the loser's append fails on the unique
 * stream key and is retried on the fresh state, so numbers have no gaps and no repeats.
 */
@Aggregate
public class BriefingSeries {

    @AggregateIdentifier
    private String seriesId;
    private int lastTotal;
    private final Map<Integer, Integer> lastIssueOfYear = new HashMap<>();
    private final Map<String, Issued> issued = new HashMap<>();

    /** The numbers of an issued briefing and whether this command issued it or repeated an issue. */
    public record Issued(String briefingId, int issueNo, int totalIssueNo, Briefing briefing, Outcome outcome) {
    }

    protected BriefingSeries() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Issued handle(IssueBriefing command) {
        Briefing b = command.briefing();
        Issued earlier = issued.get(b.briefingId());
        if (earlier != null) {
            if (!earlier.briefing().equals(withNumbers(b, earlier.issueNo(), earlier.totalIssueNo(),
                    earlier.briefing()))) {
                throw new BriefingIdConflict(b.briefingId());
            }
            return new Issued(b.briefingId(), earlier.issueNo(), earlier.totalIssueNo(), earlier.briefing(),
                    Outcome.UNCHANGED);
        }
        int year = command.issuedOn().getYear();
        int issueNo = lastIssueOfYear.getOrDefault(year, 0) + 1;
        int total = Math.max(lastTotal, command.totalBase()) + 1;
        Briefing numbered = new Briefing(b.briefingId(), command.office(), b.officeName(), b.title(), issueNo, total,
                command.issuedOn(), b.column(), b.sections(), b.footer(), b.appendix(), b.scope(), b.asOf(),
                b.groupBy());
        apply(new BriefingIssued(command.office(), b.briefingId(), issueNo, total, command.issuedOn(),
                command.issuedBy(), numbered));
        return new Issued(b.briefingId(), issueNo, total, numbered, Outcome.CHANGED);
    }

    /** The retried body as it would have been stored: numbers and date are the server's, not the client's. */
    private static Briefing withNumbers(Briefing b, int issueNo, int total, Briefing stored) {
        return new Briefing(b.briefingId(), stored.office(), b.officeName(), b.title(), issueNo, total,
                stored.date(), b.column(), b.sections(), b.footer(), b.appendix(), b.scope(), b.asOf(),
                b.groupBy());
    }

    @EventSourcingHandler
    void on(BriefingIssued event) {
        seriesId = com.campaigntracker.shared.briefing.BriefingCommands.seriesId(event.office());
        lastTotal = event.totalIssueNo();
        lastIssueOfYear.put(event.issuedOn().getYear(), event.issueNo());
        issued.put(event.briefingId(), new Issued(event.briefingId(), event.issueNo(), event.totalIssueNo(),
                event.briefing(), Outcome.CHANGED));
    }
}
