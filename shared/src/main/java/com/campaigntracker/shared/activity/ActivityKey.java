package com.campaigntracker.shared.activity;

/**
 * An activity is its own event stream, so recording one never replays a campaign's whole history. Activity ids
 * are client-supplied and unique within a campaign; the stream id joins both.
 */
public final class ActivityKey {
    private ActivityKey() {
    }

    public static String of(String campaignId, String activityId) {
        return campaignId + "~" + activityId;
    }
}
