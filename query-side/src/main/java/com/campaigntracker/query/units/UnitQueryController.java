package com.campaigntracker.query.units;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.campaigns.CampaignProjection;
import com.campaigntracker.query.campaigns.CampaignRepository;
import com.campaigntracker.query.campaigns.CampaignState;
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
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
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
    private final TrackerMongo mongo;
    private final MongoDocStore store;
    private final CampaignRepository campaigns;

    public UnitQueryController(TrackerMongo mongo, CampaignRepository campaigns) {
        this.mongo = mongo;
        this.store = new MongoDocStore(mongo.database());
        this.campaigns = campaigns;
    }

    /**
     * All units, optionally by district / type / parent. The unit directory is bounded by the 文明实践 network
     * (thousands); a real MongoDB serves the filters from the (district, type) and parentId indexes.
     */
    @GetMapping
    public List<UnitSummary> list(@RequestParam(required = false) String district,
                                          @RequestParam(required = false) String type,
                                          @RequestParam(required = false) String parentId) {
        List<Bson> f = new ArrayList<>();
        f.add(Filters.ne("name", null));
        String scopedDistrict = ReadScope.effectiveDistrict(Params.blankToNull(district));
        if (scopedDistrict != null) {
            f.add(Filters.eq("district", scopedDistrict));
        }
        if (Params.blankToNull(type) != null) {
            UnitType t;
            try {
                t = UnitType.fromLabel(type);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("参数 type 无效: 未知的单位类型 " + type);
            }
            f.add(Filters.eq("type", t.label()));
        }
        if (Params.blankToNull(parentId) != null) {
            f.add(Filters.eq("parentId", Params.id("parentId", parentId)));
        }
        List<UnitSummary> out = new ArrayList<>();
        for (Document d : mongo.database().getCollection(UnitProjection.UNITS).find(Filters.and(f))
                .sort(new Document("_id", 1))) {
            out.add(summary(d));
        }
        return out;
    }

    @GetMapping("/{id}")
    public UnitDetail get(@PathVariable String id) {
        Document d = unit(Params.id("id", id));
        String parentId = d.getString("parentId");
        List<String> lookup = new ArrayList<>(Docs.strings(d, "childIds"));
        if (parentId != null) {
            lookup.add(parentId);
        }
        Map<String, Document> related = store.find(UnitProjection.UNITS, lookup);
        List<UnitLink> children = new ArrayList<>();
        for (String c : Docs.strings(d, "childIds")) {
            children.add(ref(c, related.get(c)));
        }
        // the chain up to the top (e.g. 实践站 → 实践所 → 实践中心)
        Map<String, Document> all = campaigns.unitsWithAncestors(List.of(d.getString("_id")));
        List<UnitLink> ancestors = new ArrayList<>();
        String p = parentId;
        int guard = 0;
        while (p != null && guard++ < 8) {
            Document pd = all.get(p);
            ancestors.add(ref(p, pd));
            p = pd == null ? null : pd.getString("parentId");
        }
        return new UnitDetail(summary(d), parentId == null ? null : ref(parentId, related.get(parentId)), children,
                ancestors, d.getString("deactivationReason"), d.getString("registeredAt"));
    }

    /** A unit's campaigns and its totals in each (one key lookup per campaign: {@code campaign|unit}). */
    @GetMapping("/{id}/participation")
    public UnitParticipation participation(@PathVariable String id) {
        Document d = unit(Params.id("id", id));
        List<String> ids = campaigns.campaignIds();
        Map<String, Document> rows = campaigns.campaignUnits(ids.stream().map(c -> Docs.key(c, id)).toList());
        Map<String, Document> meta = store.find(CampaignProjection.CAMPAIGNS, ids);
        List<CampaignParticipation> out = new ArrayList<>();
        for (String c : ids) {
            Document cu = rows.get(Docs.key(c, id));
            if (cu == null) {
                continue;
            }
            Document cd = meta.get(c) == null ? new Document() : meta.get(c);
            CampaignState.Agg totals = new CampaignState.Agg();
            totals.add((Document) cu.get("totals"), 1);
            out.add(new CampaignParticipation(c, cd.getString("title"), cd.getString("theme"), cd.getString("status"),
                    cd.getString("startDate"), cd.getString("endDate"), cu.getBoolean("enrolled", false),
                    cu.getString("enrolledAt"), totals.toTotals(), Docs.lastKey((Document) cu.get("dates"))));
        }
        return new UnitParticipation(summary(d), out);
    }

    private Document unit(String id) {
        Document d = store.find(UnitProjection.UNITS, List.of(id)).get(id);
        if (d == null || d.getString("name") == null) {
            throw ApiException.notFound("单位不存在: " + id);
        }
        ReadScope.requireUnit(id, d.getString("district"));
        return d;
    }

    private static UnitSummary summary(Document d) {
        return new UnitSummary(d.getString("_id"), d.getString("name"), d.getString("type"), d.getString("district"),
                d.getString("parentId"), d.getBoolean("active", true));
    }

    private static UnitLink ref(String id, Document d) {
        return d == null ? new UnitLink(id, null, null) : new UnitLink(id, d.getString("name"), d.getString("type"));
    }
}
