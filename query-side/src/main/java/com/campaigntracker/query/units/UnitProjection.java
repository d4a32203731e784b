package com.campaigntracker.query.units;

import com.campaigntracker.query.projection.Batch;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.Projection;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Units and their place in the hierarchy. Document {@value #UNITS} keyed by unit id: name, type (Chinese label),
 * district, parent, sorted child ids (a parent's fan-out is bounded by the network's size), active flag.
 */
public class UnitProjection extends Projection {
    public static final String UNITS = "rm_units";
    /** One document, {@code units}: how many unit events the model holds; changes whenever any unit does. */
    public static final String VERSION = "rm_units_version";
    public static final String VERSION_ID = "units";

    public UnitProjection() {
        super(UnitEvent.class);
        on(UnitRegistered.class, (r, e, batch) -> {
            needs(batch, r.unitId());
            if (r.parentUnitId() != null) {
                batch.want(UNITS, r.parentUnitId());
            }
        }, (r, e, batch) -> {
            Document existing = batch.get(UNITS, r.unitId());
            List<String> children = existing == null ? new ArrayList<>() : Docs.strings(existing, "childIds");
            batch.changed(UNITS, new Document("_id", r.unitId())
                    .append("unitId", r.unitId())
                    .append("name", r.name())
                    .append("type", r.type() == null ? null : r.type().label())
                    .append("district", r.district())
                    .append("parentId", r.parentUnitId())
                    .append("childIds", children)
                    .append("active", true)
                    .append("deactivationReason", null)
                    .append("registeredAt", e.timestamp().toString()));
            if (r.parentUnitId() != null) {
                // a child may be registered in the same batch as, or (never in practice) before, its parent
                Document parent = batch.getOrCreate(UNITS, r.parentUnitId(), () -> new Document("unitId",
                        r.parentUnitId()).append("childIds", new ArrayList<String>()));
                if (Docs.addSorted(Docs.strings(parent, "childIds"), r.unitId())) {
                    batch.changed(UNITS, parent);
                }
            }
            countVersion(batch);
        });
        on(UnitRenamed.class, (r, e, batch) -> needs(batch, r.unitId()),
                (r, e, batch) -> change(batch, r.unitId(), d -> d.put("name", r.name())));
        on(UnitDeactivated.class, (u, e, batch) -> needs(batch, u.unitId()),
                (u, e, batch) -> change(batch, u.unitId(), d -> {
                    d.put("active", false);
                    d.put("deactivationReason", u.reason());
                }));
    }

    private static void needs(Batch batch, String unitId) {
        batch.want(VERSION, VERSION_ID);
        batch.want(UNITS, unitId);
    }

    private static void change(Batch batch, String unitId, Consumer<Document> change) {
        Document d = batch.get(UNITS, unitId);
        if (d != null) {
            change.accept(d);
            batch.changed(UNITS, d);
        }
        countVersion(batch);
    }

    private static void countVersion(Batch batch) {
        Document version = batch.getOrCreate(VERSION, VERSION_ID, () -> new Document("applied", 0L));
        version.put("applied", Docs.l(version, "applied") + 1);
        batch.changed(VERSION, version);
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
