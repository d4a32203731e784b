package com.campaigntracker.query.units;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.campaigns.CampaignProjection;
import com.campaigntracker.query.campaigns.CampaignRepository;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.MongoDocStore;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.shared.unit.UnitType;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Parameter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    public List<Map<String, Object>> list(@RequestParam(required = false) String district,
                                          @RequestParam(required = false) String type,
                                          @RequestParam(required = false) String parentUnitId,
                                          @Parameter(deprecated = true, description = "已弃用:parentUnitId 的旧名")
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
        String parent = Params.blankToNull(parentUnitId);
        if (Params.blankToNull(parentId) != null) {
            if (parent != null) {
                throw ApiException.badRequest("参数 parentId 是 parentUnitId 的旧名(已弃用),两者只能填写一个");
            }
            f.add(Filters.eq("parentId", Params.id("parentId", parentId)));
        } else if (parent != null) {
            f.add(Filters.eq("parentId", Params.id("parentUnitId", parent)));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document d : mongo.database().getCollection(UnitProjection.UNITS).find(Filters.and(f))
                .sort(new Document("_id", 1))) {
            out.add(summary(d));
        }
        return out;
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        Document d = unit(Params.id("id", id));
        Map<String, Object> m = summary(d);
        String parentId = d.getString("parentId");
        List<String> lookup = new ArrayList<>(Docs.strings(d, "childIds"));
        if (parentId != null) {
            lookup.add(parentId);
        }
        Map<String, Document> related = store.find(UnitProjection.UNITS, lookup);
        m.put("parent", parentId == null ? null : ref(parentId, related.get(parentId)));
        List<Map<String, Object>> children = new ArrayList<>();
        for (String c : Docs.strings(d, "childIds")) {
            children.add(ref(c, related.get(c)));
        }
        m.put("children", children);
        // the chain up to the top (e.g. 实践站 → 实践所 → 实践中心)
        Map<String, Document> all = campaigns.unitsWithAncestors(List.of(d.getString("_id")));
        List<Map<String, Object>> ancestors = new ArrayList<>();
        String p = parentId;
        int guard = 0;
        while (p != null && guard++ < 8) {
            Document pd = all.get(p);
            ancestors.add(ref(p, pd));
            p = pd == null ? null : pd.getString("parentId");
        }
        m.put("ancestors", ancestors);
        m.put("deactivationReason", d.getString("deactivationReason"));
        m.put("registeredAt", d.getString("registeredAt"));
        return m;
    }

    /** A unit's campaigns and its totals in each (one key lookup per campaign: {@code campaign|unit}). */
    @GetMapping("/{id}/participation")
    public Map<String, Object> participation(@PathVariable String id) {
        Document d = unit(Params.id("id", id));
        List<String> ids = campaigns.campaignIds();
        Map<String, Document> rows = campaigns.campaignUnits(ids.stream().map(c -> Docs.key(c, id)).toList());
        Map<String, Document> meta = store.find(CampaignProjection.CAMPAIGNS, ids);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String c : ids) {
            Document cu = rows.get(Docs.key(c, id));
            if (cu == null) {
                continue;
            }
            Document cd = meta.get(c);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("campaignId", c);
            x.put("title", cd == null ? null : cd.getString("title"));
            x.put("theme", cd == null ? null : cd.getString("theme"));
            x.put("status", cd == null ? null : cd.getString("status"));
            x.put("startDate", cd == null ? null : cd.getString("startDate"));
            x.put("endDate", cd == null ? null : cd.getString("endDate"));
            x.put("enrolled", cu.getBoolean("enrolled", false));
            x.put("enrolledAt", cu.getString("enrolledAt"));
            Document t = (Document) cu.get("totals");
            x.put("totals", new LinkedHashMap<>(t));
            Document dates = Docs.readDateCounts(cu.get("dates"));
            x.put("lastActivityDate", Docs.lastKey(dates));
            out.add(x);
        }
        Map<String, Object> m = summary(d);
        m.put("campaigns", out);
        return m;
    }

    private Document unit(String id) {
        Document d = store.find(UnitProjection.UNITS, List.of(id)).get(id);
        if (d == null || d.getString("name") == null) {
            throw ApiException.notFound("单位不存在: " + id);
        }
        ReadScope.requireUnit(id, d.getString("district"));
        return d;
    }

    private static Map<String, Object> summary(Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", d.getString("_id"));
        m.put("name", d.getString("name"));
        m.put("type", d.getString("type"));
        m.put("district", d.getString("district"));
        m.put("parentUnitId", d.getString("parentId"));
        m.put("parentId", d.getString("parentId")); // deprecated spelling of parentUnitId, kept for old clients
        m.put("active", d.getBoolean("active", true));
        return m;
    }

    private static Map<String, Object> ref(String id, Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", id);
        m.put("name", d == null ? null : d.getString("name"));
        m.put("type", d == null ? null : d.getString("type"));
        return m;
    }
}
