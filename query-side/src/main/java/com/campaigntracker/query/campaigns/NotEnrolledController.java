package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.units.UnitRepository;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.query.web.ReadScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * 未报到: the units that may join a campaign (active, of its district — every district for a city-wide one — and of
 * an eligible type) and have not reported in. The reader's scope applies as everywhere: a district reader sees its
 * district's units only.
 */
@RestController
public class NotEnrolledController {
    private final CampaignRepository campaigns;
    private final UnitRepository units;

    public NotEnrolledController(CampaignRepository campaigns, UnitRepository units) {
        this.campaigns = campaigns;
        this.units = units;
    }

    /**
     * @param eligibleUnits how many units (that the reader sees) may join
     * @param enrolledUnits how many of those have reported in
     * @param units         the others, by district, then parent, then name
     */
    public record NotEnrolledView(String campaignId, int eligibleUnits, int enrolledUnits,
                                  List<NotEnrolledUnit> units) {
    }

    /** A unit that may join and has not; its parent named so that units of the same name can be told apart. */
    public record NotEnrolledUnit(String unitId, String name, String type, String district, String parentUnitId,
                                  String parentName) {
    }

    @GetMapping("/api/campaigns/{id}/not-enrolled")
    public NotEnrolledView notEnrolled(@PathVariable String id) {
        CampaignDocument campaign = campaigns.campaign(Params.id("id", id));
        ReadScope.UnitScope scope = units.readScope();
        CampaignMeta meta = campaign.meta();
        CampaignState state = campaigns.live(campaign);
        List<UnitDocument> eligible = new ArrayList<>();
        for (UnitDocument u : units.list(meta.district() != null ? meta.district() : scope.district(), null, null)) {
            boolean typeFits = meta.eligibleUnitTypes() == null || meta.eligibleUnitTypes().isEmpty() || meta.eligibleUnitTypes().contains(u.type());
            if (u.isActive() && typeFits && scope.sees(u.district())) {
                eligible.add(u);
            }
        }
        List<UnitDocument> missing = eligible.stream().filter(u -> {
            CampaignState.UnitState s = state.units.get(u.unitId());
            return s == null || !s.isEnrolled();
        }).toList();
        Map<String, UnitDocument> parents = units.find(missing.stream().map(UnitDocument::parentId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<NotEnrolledUnit> out = new ArrayList<>();
        for (UnitDocument u : missing) {
            UnitDocument parent = u.parentId() == null ? null : parents.get(u.parentId());
            out.add(new NotEnrolledUnit(u.unitId(), u.name(), u.type(), u.district(), u.parentId(),
                    parent == null ? null : parent.name()));
        }
        out.sort(Comparator.comparing(NotEnrolledUnit::district, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(NotEnrolledUnit::parentUnitId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(NotEnrolledUnit::name));
        return new NotEnrolledView(campaign.campaignId(), eligible.size(), eligible.size() - missing.size(), out);
    }
}
