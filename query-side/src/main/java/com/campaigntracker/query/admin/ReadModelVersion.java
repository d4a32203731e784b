package com.campaigntracker.query.admin;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.units.UnitsVersion;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.codecs.pojo.annotations.BsonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Read models are rebuilt, never migrated: a release that changes how any read-model document is stored raises
 * {@link #CURRENT}, and the first start on a read model built by an older release rebuilds it from the events.
 * With several query replicas the rebuild only succeeds where no other replica holds segments; it is then asked for
 * again at the next start (or by {@code POST /api/admin/projections/rebuild} once every replica runs the release).
 */
@Component
public class ReadModelVersion {
    /**
     * 2: typed documents; every stream's last applied sequence in rm_streams. 3: every read model a record (campaign
     * units, rosters, series, changes, ledger and history pages, units version), the batch journal a redo log.
     * 4: each day's changes hold every unit's totals per activity date (the as-of view by activity date).
     */
    public static final int CURRENT = 4;
    /** Not an {@code rm_} collection: a rebuild clears those and must leave this one. */
    public static final String COLLECTION = "read_model_meta";
    private static final String ID = "read-model";
    private static final Logger log = LoggerFactory.getLogger(ReadModelVersion.class);

    /** The version the stored read model was built by. */
    public record Meta(@BsonId String id, int version) {
    }

    private final MongoCollection<Meta> meta;
    private final MongoCollection<?> anyReadModel;
    private final ProjectionMonitor monitor;

    public ReadModelVersion(TrackerMongo mongo, ProjectionMonitor monitor) {
        this.meta = mongo.database().getCollection(COLLECTION, Meta.class);
        this.anyReadModel = mongo.database().getCollection(UnitsVersion.COLLECTION);
        this.monitor = monitor;
    }

    /** The version the stored read model was built by, or null when none was recorded. */
    public Integer stored() {
        Meta m = meta.find(Filters.eq("_id", ID)).first();
        return m == null ? null : m.version();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        check();
    }

    /** Rebuilds a read model built by another release; records the version once the rebuild is under way. */
    public void check() {
        Integer stored = stored();
        boolean interrupted = monitor.interruptedRebuild();
        if (!interrupted && stored != null && stored == CURRENT) {
            return;
        }
        // every release so far keeps the units version marker: its presence means a read model was built before
        boolean built = anyReadModel.find().limit(1).first() != null;
        if ((built || interrupted) && monitor.processor().isPresent()) {
            if (interrupted) {
                log.warn("上次读模型重建未完成(进程中途退出):从第一个事件重新开始重建");
            } else {
                log.warn("读模型由旧版本 ({}) 生成,当前版本为 {}:从事件重建", stored == null ? "未记录" : stored,
                        CURRENT);
            }
            try {
                monitor.rebuild();
            } catch (RuntimeException e) {
                log.warn("读模型重建未能开始(其他实例可能仍持有处理段),下次启动时重试: {}", e.getMessage());
                return;
            }
        }
        meta.replaceOne(Filters.eq("_id", ID), new Meta(ID, CURRENT), new ReplaceOptions().upsert(true));
    }
}
