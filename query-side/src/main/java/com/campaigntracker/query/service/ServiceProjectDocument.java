package com.campaigntracker.query.service;

import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;

/**
 * {@value #COLLECTION}: a project of the 服务菜单, keyed by project id; its current content and whether it is
 * withdrawn. Written only by the project's own events (sequence {@code p:<projectId>}).
 *
 * @param districts the districts it serves, as published
 */
public record ServiceProjectDocument(@BsonId String projectId, String title, String category, String description,
                                     String providerUnitId, String providerDistrict, List<String> districts,
                                     Integer weeklyCapacity, String campaignId, Boolean withdrawn,
                                     String withdrawalReason, String publishedAt, String publishedBy,
                                     String revisedAt) {
    public static final String COLLECTION = "rm_service_projects";
    /** Field names the menu filters on (what the indexes cover). */
    static final String CATEGORY = "category";
    static final String PROVIDER = "providerUnitId";
    static final String DISTRICTS = "districts";
    static final String PROVIDER_DISTRICT = "providerDistrict";
    static final String WITHDRAWN = "withdrawn";

    public ServiceProjectDocument {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    public boolean isWithdrawn() {
        return withdrawn != null && withdrawn;
    }

    /** Serves {@code district}. */
    public boolean serves(String district) {
        return districts.contains(district);
    }
}
