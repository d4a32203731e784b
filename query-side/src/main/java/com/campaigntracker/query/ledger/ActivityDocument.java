package com.campaigntracker.query.ledger;

import com.campaigntracker.query.ledger.LedgerViews.ActivityChange;
import com.campaigntracker.query.ledger.LedgerViews.ActivityFigures;
import com.campaigntracker.query.projection.ProjectionEvent;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rm_activities}, keyed {@code campaign|activity}: an activity's current content, its retraction and its own
 * history (bounded by its corrections).
 */
public record ActivityDocument(@BsonId String key, String campaignId, String activityId, String unitId, String date,
                               String title, String category, String site, String notes, ActivityFigures figures,
                               Boolean retracted, String retractionReason, String recordedAt, String recordedBy,
                               String updatedAt, List<ActivityChange> history) {

    public ActivityDocument {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean isRetracted() {
        return retracted != null && retracted;
    }

    /** What changes with a correction: the content, and a CORRECTED step in the history. */
    ActivityDocument corrected(String newDate, String newTitle, String newCategory, String newSite, String newNotes,
                               ActivityFigures newFigures, ProjectionEvent e, ActivityChange step) {
        return new ActivityDocument(key, campaignId, activityId, unitId, newDate, newTitle, newCategory, newSite,
                newNotes, newFigures, retracted, retractionReason, recordedAt, recordedBy, e.timestamp().toString(),
                with(step));
    }

    ActivityDocument retracted(String reason, ProjectionEvent e, ActivityChange step) {
        return new ActivityDocument(key, campaignId, activityId, unitId, date, title, category, site, notes, figures,
                true, reason, recordedAt, recordedBy, e.timestamp().toString(), with(step));
    }

    List<ActivityChange> with(ActivityChange step) {
        List<ActivityChange> steps = new ArrayList<>(history);
        steps.add(step);
        return steps;
    }
}
