package com.campaigntracker.query.units;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.web.ReadScope;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of the unit directory: by key ($in on unit ids), or the (small) directory filtered. */
@Component
public class UnitRepository {
    private final MongoCollection<UnitDocument> units;
    private final MongoCollection<UnitsVersion> version;

    public UnitRepository(TrackerMongo mongo) {
        this.units = mongo.database().getCollection(UnitDocument.COLLECTION, UnitDocument.class);
        this.version = mongo.database().getCollection(UnitsVersion.COLLECTION, UnitsVersion.class);
    }

    /** The registered unit, or null. */
    public UnitDocument find(String id) {
        UnitDocument d = units.find(Filters.eq("_id", id)).first();
        return d == null || !d.registered() ? null : d;
    }

    /** The district of a unit, null for an unknown one. */
    public String districtOf(String id) {
        UnitDocument d = id == null ? null : find(id);
        return d == null ? null : d.district();
    }

    /** The units the current account may see inside a campaign (the rule of {@link ReadScope#units}). */
    public ReadScope.UnitScope readScope() {
        return ReadScope.units(this::districtOf);
    }

    public Map<String, UnitDocument> find(Collection<String> ids) {
        Map<String, UnitDocument> found = new HashMap<>();
        if (!ids.isEmpty()) {
            units.find(Filters.in("_id", new ArrayList<>(ids))).forEach(u -> found.put(u.unitId(), u));
        }
        return found;
    }

    /**
     * The directory, optionally by district / type label / parent. Bounded by the 文明实践 network (thousands); a
     * real MongoDB serves the filters from the (district, type) and parentId indexes.
     */
    public List<UnitDocument> list(String district, String typeLabel, String parentId) {
        List<Bson> f = new ArrayList<>();
        f.add(Filters.ne(UnitDocument.NAME, null));
        if (district != null) {
            f.add(Filters.eq(UnitDocument.DISTRICT, district));
        }
        if (typeLabel != null) {
            f.add(Filters.eq(UnitDocument.TYPE, typeLabel));
        }
        if (parentId != null) {
            f.add(Filters.eq(UnitDocument.PARENT_ID, parentId));
        }
        return units.find(Filters.and(f)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** The given units and all their ancestors, one $in per level. */
    public Map<String, UnitDocument> withAncestors(Collection<String> unitIds) {
        Map<String, UnitDocument> result = new HashMap<>();
        Set<String> next = new HashSet<>(unitIds);
        for (int level = 0; level < 8 && !next.isEmpty(); level++) {
            Map<String, UnitDocument> found = find(next);
            result.putAll(found);
            next = new HashSet<>();
            for (UnitDocument u : found.values()) {
                if (u.parentId() != null && !result.containsKey(u.parentId())) {
                    next.add(u.parentId());
                }
            }
        }
        return result;
    }

    /** Depth of the 中心 → 所 → 站 hierarchy, with room to spare (a guard against a cycle in bad data). */
    private static final int MAX_DEPTH = 8;

    /** The unit and every registered unit below it, parents before children, one $in per level. */
    public List<UnitDocument> withDescendants(UnitDocument root) {
        List<UnitDocument> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<UnitDocument> level = List.of(root);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (UnitDocument u : level) {
                if (seen.add(u.unitId())) {
                    out.add(u);
                    next.addAll(u.childIds());
                }
            }
            Map<String, UnitDocument> found = find(next);
            level = next.stream().map(found::get).filter(u -> u != null && u.registered()).toList();
        }
        return out;
    }

    /** A marker that changes whenever any unit's name, place or status does (see {@link UnitsVersion}). */
    public long version() {
        UnitsVersion v = version.find(Filters.eq("_id", UnitsVersion.ID)).first();
        return v == null ? 0 : v.applied();
    }
}
