package com.campaigntracker.query.units;

import com.campaigntracker.query.projection.Batch;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.Projection;
import com.campaigntracker.query.projection.Table;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

import java.util.List;
import java.util.function.UnaryOperator;

/** Units and their place in the hierarchy ({@link UnitDocument}), and a version that moves with any unit change. */
public class UnitProjection extends Projection {
    public static final Table<UnitDocument> UNITS = Table.of(UnitDocument.COLLECTION, UnitDocument.class);
    public static final Table<UnitsVersion> VERSION = Table.of(UnitsVersion.COLLECTION, UnitsVersion.class);

    public UnitProjection() {
        super(UnitEvent.class);
        on(UnitRegistered.class, (r, e, batch) -> {
            needs(batch, r.unitId());
            if (r.parentUnitId() != null) {
                batch.want(UNITS, r.parentUnitId());
            }
        }, (r, e, batch) -> {
            UnitDocument existing = batch.get(UNITS, r.unitId());
            batch.put(UNITS, new UnitDocument(r.unitId(), r.name(), r.type() == null ? null : r.type().label(),
                    r.district(), r.parentUnitId(), existing == null ? null : existing.childIds(), true, null,
                    e.timestamp().toString()));
            if (r.parentUnitId() != null) {
                // a child may be registered in the same batch as, or (never in practice) before, its parent
                UnitDocument parent = batch.get(UNITS, r.parentUnitId(),
                        () -> UnitDocument.placeholder(r.parentUnitId()));
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
        require(unitId != null, "unitId");
        batch.want(VERSION, UnitsVersion.ID);
        batch.want(UNITS, unitId);
    }

    private static void change(Batch batch, String unitId, UnaryOperator<UnitDocument> change) {
        UnitDocument d = batch.get(UNITS, unitId);
        if (d != null) {
            batch.put(UNITS, change.apply(d));
        }
        countVersion(batch);
    }

    private static void countVersion(Batch batch) {
        batch.put(VERSION, batch.get(VERSION, UnitsVersion.ID, () -> new UnitsVersion(UnitsVersion.ID, 0L)).next());
    }

    @Override
    public List<String> collections() {
        return List.of(UNITS.name(), VERSION.name());
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(UNITS.name()).createIndex(Indexes.ascending(UnitDocument.DISTRICT, UnitDocument.TYPE));
        db.getCollection(UNITS.name()).createIndex(Indexes.ascending(UnitDocument.PARENT_ID));
    }
}
