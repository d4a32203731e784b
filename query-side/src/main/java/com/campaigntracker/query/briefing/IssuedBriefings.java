package com.campaigntracker.query.briefing;

import com.campaigntracker.shared.briefing.BriefingCommands;
import com.campaigntracker.shared.briefing.BriefingEvents.BriefingIssued;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The issued briefings, read from the offices' series streams. An office issues tens a year and an issued
 * briefing never changes, so its stream is the read model: no projection to rebuild, and a briefing is
 * readable the moment its issue is acknowledged.
 */
@Component
public class IssuedBriefings {
    private final EventStore eventStore;
    private final BriefingProperties properties;

    public IssuedBriefings(EventStore eventStore, BriefingProperties properties) {
        this.eventStore = eventStore;
        this.properties = properties;
    }

    public List<BriefingIssued> of(String office) {
        List<BriefingIssued> out = new ArrayList<>();
        eventStore.readEvents(BriefingCommands.seriesId(office)).asStream()
                .map(e -> e.getPayload())
                .filter(BriefingIssued.class::isInstance)
                .forEach(p -> out.add((BriefingIssued) p));
        return out;
    }

    public List<BriefingIssued> all() {
        List<BriefingIssued> out = new ArrayList<>();
        properties.offices().forEach(o -> out.addAll(of(o.getKey())));
        return out;
    }

    public Optional<BriefingIssued> find(String briefingId) {
        return all().stream().filter(b -> b.briefingId().equals(briefingId)).findFirst();
    }

    /** The numbers the office's next issue would get on {@code day} (issuing assigns the real ones). */
    public BriefingDrafter.Numbers next(BriefingProperties.Office office, LocalDate day) {
        List<BriefingIssued> issued = of(office.getKey());
        int lastTotal = issued.stream().mapToInt(BriefingIssued::totalIssueNo).max().orElse(0);
        int lastOfYear = issued.stream().filter(b -> b.issuedOn().getYear() == day.getYear())
                .mapToInt(BriefingIssued::issueNo).max().orElse(0);
        return new BriefingDrafter.Numbers(lastOfYear + 1, Math.max(lastTotal, office.getTotalIssueBase()) + 1);
    }
}
