package com.campaigntracker.shared.campaign;

import com.campaigntracker.shared.unit.UnitType;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Events of a campaign's life and its enrolment. A public, versioned contract: reshape only through upcasters.
 */
public final class CampaignEvents {
    private CampaignEvents() {
    }

    public sealed interface CampaignEvent permits CampaignLaunched, CampaignRevised, CampaignExtended,
            CampaignClosed, CampaignCancelled, UnitEnrolled, UnitWithdrawn {
        String campaignId();
    }

    public record CampaignLaunched(String campaignId, String title, String theme, String description,
                                   String district, Set<UnitType> eligibleUnitTypes, LocalDate startDate,
                                   LocalDate endDate, Targets targets) implements CampaignEvent {
        public CampaignLaunched {
            // A HashSet of enums iterates in identity-hash order, which differs from JVM to JVM; in declaration
            // order every process that projects this event (live, rebuilt, after an import) writes the same bytes.
            if (eligibleUnitTypes != null) {
                Set<UnitType> ordered = EnumSet.noneOf(UnitType.class);
                ordered.addAll(eligibleUnitTypes);
                eligibleUnitTypes = Collections.unmodifiableSet(ordered);
            }
        }
    }

    public record CampaignRevised(String campaignId, String title, String description, Targets targets)
            implements CampaignEvent {
    }

    public record CampaignExtended(String campaignId, LocalDate previousEndDate, LocalDate endDate)
            implements CampaignEvent {
    }

    public record CampaignClosed(String campaignId) implements CampaignEvent {
    }

    public record CampaignCancelled(String campaignId, String reason) implements CampaignEvent {
    }

    public record UnitEnrolled(String campaignId, String unitId) implements CampaignEvent {
    }

    public record UnitWithdrawn(String campaignId, String unitId) implements CampaignEvent {
    }
}
