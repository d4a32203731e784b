package com.campaigntracker.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.OptionalLong;

/**
 * The body of an accepted command: the ids it concerned (absent ones are left out) and {@code position}, the global
 * position of the last event it appended, for {@code ?minPosition=} reads (absent when it appended nothing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAnswer(String campaignId, String unitId, String activityId, String projectId, String orderId,
                            @Schema(description = "本次命令写入的最后一个事件的全局位置;未写入事件时省略") Long position) {

    public static CommandAnswer campaign(String campaignId) {
        return new CommandAnswer(campaignId, null, null, null, null, lastPosition());
    }

    public static CommandAnswer unit(String unitId) {
        return new CommandAnswer(null, unitId, null, null, null, lastPosition());
    }

    public static CommandAnswer enrolment(String campaignId, String unitId) {
        return new CommandAnswer(campaignId, unitId, null, null, null, lastPosition());
    }

    /** {@code unitId} only where the request named the unit (recording). */
    public static CommandAnswer activity(String campaignId, String activityId, String unitId) {
        return new CommandAnswer(campaignId, unitId, activityId, null, null, lastPosition());
    }

    public static CommandAnswer serviceProject(String projectId) {
        return new CommandAnswer(null, null, null, projectId, null, lastPosition());
    }

    public static CommandAnswer serviceOrder(String orderId) {
        return new CommandAnswer(null, null, null, null, orderId, lastPosition());
    }

    private static Long lastPosition() {
        OptionalLong position = EventPosition.lastAppended();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
