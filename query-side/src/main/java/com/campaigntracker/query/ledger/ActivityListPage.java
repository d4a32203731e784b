package com.campaigntracker.query.ledger;

import org.bson.codecs.pojo.annotations.BsonId;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rm_activity_pages}: the order in which activities were recorded, per list ({@code campaign|*} for the
 * campaign, {@code campaign|u:unit} per unit, {@code campaign|d:date} per activity date) in full pages of
 * {@value LedgerProjection#PAGE} ids keyed {@code list|n}, and {@code list|head}: the open (last, partial) page.
 *
 * @param count the number of ids in the list up to the end of this page (for the head: in the whole list)
 */
public record ActivityListPage(@BsonId String id, long count, List<String> ids) {
    public ActivityListPage {
        ids = ids == null ? new ArrayList<>() : new ArrayList<>(ids);
    }
}
