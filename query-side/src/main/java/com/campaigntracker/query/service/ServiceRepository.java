package com.campaigntracker.query.service;

import com.campaigntracker.eventstore.TrackerMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads of the 服务菜单 and the orders: by key, or a bounded find with the filters a real MongoDB indexes. */
@Component
public class ServiceRepository {
    /** At most this many orders are examined for one list or statistics request; beyond, it says truncated. */
    static final int MAX_SCAN = 20_000;

    private final MongoCollection<ServiceProjectDocument> projects;
    private final MongoCollection<ServiceOrderDocument> orders;

    public ServiceRepository(TrackerMongo mongo) {
        this.projects = mongo.database().getCollection(ServiceProjectDocument.COLLECTION,
                ServiceProjectDocument.class);
        this.orders = mongo.database().getCollection(ServiceOrderDocument.COLLECTION, ServiceOrderDocument.class);
    }

    public ServiceProjectDocument project(String id) {
        return projects.find(Filters.eq("_id", id)).first();
    }

    /** The menu (small: a district's projects number in the tens), optionally by category and provider. */
    public List<ServiceProjectDocument> projects(String category, String providerUnitId) {
        List<Bson> f = new ArrayList<>();
        if (category != null) {
            f.add(Filters.eq(ServiceProjectDocument.CATEGORY, category));
        }
        if (providerUnitId != null) {
            f.add(Filters.eq(ServiceProjectDocument.PROVIDER, providerUnitId));
        }
        return projects.find(f.isEmpty() ? new org.bson.Document() : Filters.and(f)).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    public ServiceOrderDocument order(String id) {
        return orders.find(Filters.eq("_id", id)).first();
    }

    /** Orders placed, newest first. */
    public record Scan(List<ServiceOrderDocument> orders, boolean truncated) {
    }

    /** The orders matching {@code filter}, newest placed first, at most {@link #MAX_SCAN}. */
    public Scan orders(Bson filter) {
        List<ServiceOrderDocument> found = orders.find(filter)
                .sort(Sorts.orderBy(Sorts.descending(ServiceOrderDocument.PLACED_AT), Sorts.ascending("_id")))
                .limit(MAX_SCAN + 1).into(new ArrayList<>());
        boolean truncated = found.size() > MAX_SCAN;
        return new Scan(truncated ? found.subList(0, MAX_SCAN) : found, truncated);
    }
}
