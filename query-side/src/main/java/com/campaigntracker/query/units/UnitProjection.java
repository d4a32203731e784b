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

import java.util.List;
import java.util.function.UnaryOperator;

/** Units and their place in the hierarchy ({@link UnitDocument}), and a version that moves with any unit change. */
public class UnitProjection extends Projection {
    public static final String UNITS = UnitDocument.COLLECTION;
    /** One document, {@code units}: how many unit events the model holds; changes whenever any unit does. */
    public static final String VERSION = "rm_units_version";
    public static final String VERSION_ID = "units";
    static final String APPLIED = "applied";

    public UnitProjection() {
        super(UnitEvent.class);
        on(UnitRegistered.class, (r, e, batch) -> {
            needs(batch, r.unitId());
            if (r.parentUnitId() != null) {
                batch.want(UNITS, r.parentUnitId());
            }
        }, (r, e, batch) -> {
            UnitDocument existing = batch.get(UNITS, r.unitId(), UnitDocument.class);
            batch.put(UNITS, new UnitDocument(r.unitId(), r.name(), r.type() == null ? null : r.type().label(),
                    r.district(), r.parentUnitId(), existing == null ? null : existing.childIds(), true, null,
                    e.timestamp().toString()));
            if (r.parentUnitId() != null) {
                // a child may be registered in the same batch as, or (never in practice) before, its parent
                UnitDocument parent = batch.get(UNITS, r.parentUnitId(), UnitDocument.class);
                parent = parent == null ? UnitDocument.placeholder(r.parentUnitId()) : parent;
                if (Docs.addSorted(parent.childIds(), r.unitId())) {
                    batch.put(UNITS, parent);
                }
            }
            countVersion(batch);
        });
        on(UnitRenamed.class, (r, e, batch) -> needs(batch, r.unitId()),
                (r, e, batch) -> change(batch, r.unitId(), d -> d.renamed(r.name())));
        on(UnitDeactivated.class, (u, e, batch) -> needs(batch, u.unitId()),
                (u, e, batch) -> change(batch, u.unitId(), d -> d.deactivated(u.reason())));
    }

    private static void needs(Batch batch, String unitId) {
        batch.want(VERSION, VERSION_ID);
        batch.want(UNITS, unitId);
    }

    private static void change(Batch batch, String unitId, UnaryOperator<UnitDocument> change) {
        UnitDocument d = batch.get(UNITS, unitId, UnitDocument.class);
        if (d != null) {
            batch.put(UNITS, change.apply(d));
        }
        countVersion(batch);
    }

    private static void countVersion(Batch batch) {
        Document version = batch.getOrCreate(VERSION, VERSION_ID, () -> new Document(APPLIED, 0L));
        version.put(APPLIED, Docs.l(version, APPLIED) + 1);
        batch.changed(VERSION, version);
    }

    @Override
    public List<String> collections() {
        return List.of(UNITS, VERSION);
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(UNITS).createIndex(Indexes.ascending(UnitDocument.DISTRICT, UnitDocument.TYPE));
        db.getCollection(UNITS).createIndex(Indexes.ascending(UnitDocument.PARENT_ID));
    }
}
