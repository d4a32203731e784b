package com.campaigntracker.query.live;

import com.campaigntracker.query.campaigns.Progress;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One pushed progress event: the progress view and whether the read model is being rebuilt. During a rebuild the
 * view may not exist yet: then only the campaign id is sent.
 */
public record LiveProgress(@JsonUnwrapped Progress progress,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String campaignId, boolean rebuilding) {

    static LiveProgress of(Progress progress, boolean rebuilding) {
        return new LiveProgress(progress, null, rebuilding);
    }

    static LiveProgress notYetBuilt(String campaignId) {
        return new LiveProgress(null, campaignId, true);
    }
}
