package com.campaigntracker.query.units;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.campaigns.CampaignDocument;
import com.campaigntracker.query.campaigns.CampaignRepository;
import com.campaigntracker.query.campaigns.CampaignUnit;
import com.campaigntracker.query.units.UnitViews.CampaignParticipation;
import com.campaigntracker.query.units.UnitViews.UnitDetail;
import com.campaigntracker.query.units.UnitViews.UnitLink;
import com.campaigntracker.query.units.UnitViews.UnitParticipation;
import com.campaigntracker.query.units.UnitViews.UnitSummary;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.MongoDocStore;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.shared.unit.UnitType;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 单位: the directory, one unit with its place in the hierarchy, and its participation in campaigns. */
@RestController
@RequestMapping("/api/units")
public class UnitQueryController {
    private final UnitRepository units;
    private final MongoDocStore store;
    private final CampaignRepository campaigns;

    public UnitQueryController(TrackerMongo mongo, UnitRepository units, CampaignRepository campaigns) {
        this.units = units;
        this.store = new MongoDocStore(mongo.database());
        this.campaigns = campaigns;
    }

    /** All units, optionally by district / type / parent (a district leader sees its district only). */
    @GetMapping
    public List<UnitSummary> list(@RequestParam(required = false) String district,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String parentUnitId,
                                  @Parameter(deprecated = true, description = "已弃用:parentUnitId 的旧名")
                                  @RequestParam(required = false) String parentId) {
        String typeLabel = null;
        if (Params.blankToNull(type) != null) {
            try {
                typeLabel = UnitType.fromLabel(type).label();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("参数 type 无效: 未知的单位类型 " + type);
            }
        }
        String parent = Params.blankToNull(parentUnitId);
        if (Params.blankToNull(parentId) != null) {
            if (parent != null) {
                throw ApiException.badRequest("参数 parentId 是 parentUnitId 的旧名(已弃用),两者只能填写一个");
            }
            parent = Params.id("parentId", parentId);
        } else if (parent != null) {
            parent = Params.id("parentUnitId", parent);
        }
        return units.list(ReadScope.effectiveDistrict(Params.blankToNull(district)), typeLabel, parent).stream()
                .map(UnitQueryController::summary).toList();
    }

    @GetMapping("/{id}")
    public UnitDetail get(@PathVariable String id) {
        UnitDocument d = unit(Params.id("id", id));
        // the chain up to the top (e.g. 实践站 → 实践所 → 实践中心), and the children
        Map<String, UnitDocument> related = units.withAncestors(List.of(d.unitId()));
        related.putAll(units.find(d.childIds()));
        List<UnitLink> ancestors = new ArrayList<>();
        String p = d.parentId();
        int guard = 0;
        while (p != null && guard++ < 8) {
            ancestors.add(ref(p, related.get(p)));
            p = related.get(p) == null ? null : related.get(p).parentId();
        }
        return new UnitDetail(summary(d), d.parentId() == null ? null : ref(d.parentId(), related.get(d.parentId())),
                d.childIds().stream().map(c -> ref(c, related.get(c))).toList(), ancestors, d.deactivationReason(),
                d.registeredAt());
    }

    /** A unit's campaigns and its totals in each (one key lookup per campaign: {@code campaign|unit}). */
    @GetMapping("/{id}/participation")
    public UnitParticipation participation(@PathVariable String id) {
        UnitDocument d = unit(Params.id("id", id));
        List<String> ids = campaigns.campaignIds();
        Map<String, CampaignUnit> rows = campaigns.campaignUnits(ids.stream().map(c -> Docs.key(c, id)).toList());
        Map<String, CampaignDocument> meta = campaigns.campaigns(ids);
        List<CampaignParticipation> out = new ArrayList<>();
        for (String c : ids) {
            CampaignUnit cu = rows.get(Docs.key(c, id));
            if (cu == null) {
                continue;
            }
            CampaignDocument cd = meta.getOrDefault(c, CampaignDocument.empty(c));
            out.add(new CampaignParticipation(c, cd.title(), cd.theme(), cd.status(), cd.startDate(), cd.endDate(),
                    cu.enrolled(), cu.enrolledAt(), cu.totals(), cu.lastActivityDate()));
        }
        return new UnitParticipation(summary(d), out);
    }

    private UnitDocument unit(String id) {
        UnitDocument d = units.find(id);
        if (d == null) {
            throw ApiException.notFound("单位不存在: " + id);
        }
        units.readScope().require(id, d.district());
        return d;
    }

    private static UnitSummary summary(UnitDocument d) {
        return new UnitSummary(d.unitId(), d.name(), d.type(), d.district(), d.parentId(), d.parentId(),
                d.isActive());
    }

    private static UnitLink ref(String id, UnitDocument d) {
        return d == null ? new UnitLink(id, null, null) : new UnitLink(id, d.name(), d.type());
    }
}
