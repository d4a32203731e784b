package com.campaigntracker.query.campaigns;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.MongoDocStore;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.ReadScope;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads of the campaign progress model, all by key ($in on composed {@code _id}s). */
@Component
public class CampaignRepository {
    private final MongoCollection<CampaignDocument> campaigns;
    private final MongoDocStore store;

    public CampaignRepository(TrackerMongo mongo) {
        this.campaigns = mongo.database().getCollection(CampaignDocument.COLLECTION, CampaignDocument.class);
        this.store = new MongoDocStore(mongo.database());
    }

    /**
     * A change marker of the campaign's projected state, by key lookup: the campaign document is rewritten by
     * every event that changes the campaign's progress (totals, enrolments, updatedAt), so its content hash
     * changes with it. Empty string for an unknown campaign.
     */
    public String changeMarker(String id) {
        CampaignDocument d = campaigns.find(Filters.eq("_id", id)).first();
        return d == null ? "" : changeMarker(d);
    }

    /** The change marker of a loaded campaign document (see {@link #changeMarker(String)}). */
    public static String changeMarker(CampaignDocument campaign) {
        String content = campaign.toString();
        return Integer.toHexString(content.hashCode()) + ":" + content.length();
    }

    public CampaignDocument campaign(String id) {
        CampaignDocument d = campaigns.find(Filters.eq("_id", id)).first();
        if (d == null || !d.launched()) {
            throw ApiException.notFound("活动不存在: " + id);
        }
        ReadScope.requireCampaign(id, d.district());
        return d;
    }

    /**
     * Every campaign, optionally filtered. The campaign collection is small (campaigns, not activities) and
     * holds no arrays that grow with activity; a real MongoDB serves the filters from the (status, district,
     * theme) index.
     */
    public List<CampaignDocument> campaigns(String status, String district, String theme) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.ne(CampaignDocument.STATUS, null));
        if (status != null) {
            filters.add(Filters.eq(CampaignDocument.STATUS, status));
        }
        String scoped = ReadScope.district();
        if (district != null) {
            filters.add(Filters.eq(CampaignDocument.DISTRICT, district));
        }
        if (scoped != null) {
            // a district leader sees its district's campaigns and the city-wide ones
            filters.add(Filters.or(Filters.eq(CampaignDocument.DISTRICT, scoped),
                    Filters.eq(CampaignDocument.DISTRICT, null)));
        }
        if (theme != null) {
            filters.add(Filters.eq(CampaignDocument.THEME, theme));
        }
        return campaigns.find(Filters.and(filters)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Ids of every launched campaign, by a key-only projection. */
    public List<String> campaignIds() {
        return campaigns.find(Filters.ne(CampaignDocument.STATUS, null)).projection(Projections.include("_id"))
                .sort(Sorts.ascending("_id")).map(CampaignDocument::campaignId).into(new ArrayList<>());
    }

    /** The campaigns with these ids, launched or not. */
    public Map<String, CampaignDocument> campaigns(Collection<String> ids) {
        Map<String, CampaignDocument> found = new java.util.HashMap<>();
        campaigns.find(Filters.in("_id", new ArrayList<>(ids))).forEach(c -> found.put(c.campaignId(), c));
        return found;
    }

    /** The campaign's progress inputs as they stand now. */
    public CampaignState live(CampaignDocument campaign) {
        String c = campaign.campaignId();
        CampaignRoster roster = store.get(CampaignProjection.ROSTERS, c);
        List<String> keys = roster == null ? List.of() : roster.unitIds().stream().map(u -> Docs.key(c, u)).toList();
        return CampaignState.current(campaign.meta(), store.find(CampaignProjection.UNITS, keys).values(),
                store.get(CampaignProjection.SERIES, c));
    }

    /**
     * The progress inputs as they stood at the end of {@code asOf}: the per-change-day documents from the launch
     * day up to asOf, folded in day order. A correction made after asOf sits in a later day's document.
     */
    public CampaignState asOf(CampaignDocument campaign, LocalDate asOf) {
        String c = campaign.campaignId();
        LocalDate first = LocalDate.parse(campaign.launchDay());
        if (asOf.isBefore(first)) {
            throw ApiException.notFound("活动 " + c + " 在 " + asOf + " 尚未发起");
        }
        LocalDate last = LocalDate.parse(campaign.lastChangeDay());
        LocalDate upTo = asOf.isBefore(last) ? asOf : last;
        List<String> ids = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(upTo); d = d.plusDays(1)) {
            ids.add(Docs.key(c, d.toString()));
        }
        Map<String, CampaignChanges> changes = store.find(CampaignProjection.CHANGES, ids);
        return CampaignState.fold(campaign.meta(), ids.stream().map(changes::get).filter(Objects::nonNull).toList());
    }

    /** The rows of {@code rm_campaign_units} with these {@code campaign|unit} keys. */
    public Map<String, CampaignUnit> campaignUnits(Collection<String> keys) {
        return store.find(CampaignProjection.UNITS, keys);
    }
}
