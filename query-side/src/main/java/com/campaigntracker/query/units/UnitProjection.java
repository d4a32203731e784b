package com.campaigntracker.query.units;

import com.campaigntracker.query.projection.BatchContext;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.query.projection.ProjectionSlice;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.List;

/**
 * Units and their place in the hierarchy. Document {@value #UNITS} keyed by unit id: name, type (Chinese label),
 * district, parent, sorted child ids (a parent's fan-out is bounded by the network's size), active flag.
 */
public class UnitProjection implements ProjectionSlice {
    public static final String UNITS = "rm_units";
    /** One document, {@code units}: how many unit events the model holds; changes whenever any unit does. */
    public static final String VERSION = "rm_units_version";
    public static final String VERSION_ID = "units";

    @Override
    public void prefetch(ProjectionEvent e, BatchContext ctx) {
        if (e.payload() instanceof UnitEvent) {
            ctx.want(VERSION, VERSION_ID);
        }
        if (e.payload() instanceof UnitRegistered r) {
            ctx.want(UNITS, r.unitId());
            if (r.parentUnitId() != null) {
                ctx.want(UNITS, r.parentUnitId());
            }
        } else if (e.payload() instanceof UnitRenamed r) {
            ctx.want(UNITS, r.unitId());
        } else if (e.payload() instanceof UnitDeactivated d) {
            ctx.want(UNITS, d.unitId());
        }
    }

    @Override
    public void apply(ProjectionEvent e, BatchContext ctx) {
        if (e.payload() instanceof UnitEvent) {
            Document version = ctx.getOrCreate(VERSION, VERSION_ID, () -> new Document("applied", 0L));
            version.put("applied", Docs.l(version, "applied") + 1);
            ctx.changed(VERSION, version);
        }
        if (e.payload() instanceof UnitRegistered r) {
            Document existing = ctx.get(UNITS, r.unitId());
            List<String> children = existing == null ? new java.util.ArrayList<>() : Docs.strings(existing, "childIds");
            Document d = new Document("_id", r.unitId())
                    .append("unitId", r.unitId())
                    .append("name", r.name())
                    .append("type", r.type() == null ? null : r.type().label())
                    .append("district", r.district())
                    .append("parentId", r.parentUnitId())
                    .append("childIds", children)
                    .append("active", true)
                    .append("deactivationReason", null)
                    .append("registeredAt", e.timestamp().toString());
            ctx.changed(UNITS, d);
            if (r.parentUnitId() != null) {
                // a child may be registered in the same batch as, or (never in practice) before, its parent
                Document parent = ctx.getOrCreate(UNITS, r.parentUnitId(), () -> new Document("unitId",
                        r.parentUnitId()).append("childIds", new java.util.ArrayList<String>()));
                if (Docs.addSorted(Docs.strings(parent, "childIds"), r.unitId())) {
                    ctx.changed(UNITS, parent);
                }
            }
        } else if (e.payload() instanceof UnitRenamed r) {
            Document d = ctx.get(UNITS, r.unitId());
            if (d != null) {
                d.put("name", r.name());
                ctx.changed(UNITS, d);
            }
        } else if (e.payload() instanceof UnitDeactivated u) {
            Document d = ctx.get(UNITS, u.unitId());
            if (d != null) {
                d.put("active", false);
                d.put("deactivationReason", u.reason());
                ctx.changed(UNITS, d);
            }
        }
    }

    @Override
    public List<String> collections() {
        return List.of(UNITS, VERSION);
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(UNITS).createIndex(Indexes.ascending("district", "type"));
        db.getCollection(UNITS).createIndex(Indexes.ascending("parentId"));
    }
}
