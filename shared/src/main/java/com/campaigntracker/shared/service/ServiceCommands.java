package com.campaigntracker.shared.service;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.ClientId;
import com.campaigntracker.shared.validation.Day;
import com.campaigntracker.shared.validation.Text;
import com.campaigntracker.shared.validation.Within;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * 服务菜单 and 点单 → 审单 → 派单 → 接单 → 结项 → 评单. Ids are client-supplied: the same command again is a
 * harmless retry. The contract is described in {@code package-info.java}.
 */
public final class ServiceCommands {
    private ServiceCommands() {
    }

    /**
     * A unit publishes a project on the 服务菜单. {@code weeklyCapacity} null = not stated; {@code campaignId} null =
     * not linked to a campaign.
     */
    public record PublishServiceProject(@TargetAggregateIdentifier @ClientId String projectId,
                                        @Text(max = Bounds.TITLE_MAX, required = true) String title,
                                        @Text(max = Bounds.CATEGORY_MAX, required = true) String category,
                                        @Text(max = Bounds.DESCRIPTION_MAX, multiline = true) String description,
                                        @ClientId String providerUnitId,
                                        @NotEmpty(message = Bounds.MISSING)
                                        @Size(max = Bounds.SERVICE_DISTRICTS_MAX, message = "不能超过 20 个")
                                        List<@Text(max = Bounds.DISTRICT_MAX, required = true) String> districts,
                                        @Within(min = 1, max = Bounds.WEEKLY_CAPACITY_MAX) Integer weeklyCapacity,
                                        @ClientId(optional = true) String campaignId) {
    }

    /** Replaces the project's whole content (same fields as publishing); an identical revision is a no-op. */
    public record ReviseServiceProject(@TargetAggregateIdentifier @ClientId String projectId,
                                       @Text(max = Bounds.TITLE_MAX, required = true) String title,
                                       @Text(max = Bounds.CATEGORY_MAX, required = true) String category,
                                       @Text(max = Bounds.DESCRIPTION_MAX, multiline = true) String description,
                                       @ClientId String providerUnitId,
                                       @NotEmpty(message = Bounds.MISSING)
                                       @Size(max = Bounds.SERVICE_DISTRICTS_MAX, message = "不能超过 20 个")
                                       List<@Text(max = Bounds.DISTRICT_MAX, required = true) String> districts,
                                       @Within(min = 1, max = Bounds.WEEKLY_CAPACITY_MAX) Integer weeklyCapacity,
                                       @ClientId(optional = true) String campaignId) {
    }

    /** Takes the project off the menu; orders already placed go on. Withdrawing twice is a no-op. */
    public record WithdrawServiceProject(@TargetAggregateIdentifier @ClientId String projectId,
                                         @Text(max = Bounds.REASON_MAX, multiline = true) String reason) {
    }

    /**
     * 点单: a station (or 所) orders for residents, from the menu ({@code projectId}) or as a free request ("需求",
     * {@code category} without project). With a project the category is the project's (a different one given is
     * refused). {@code wantedTo} null = the single day {@code wantedFrom}.
     */
    public record PlaceServiceOrder(@TargetAggregateIdentifier @ClientId String orderId,
                                    @ClientId(optional = true) String projectId,
                                    @Text(max = Bounds.CATEGORY_MAX, blank = false) String category,
                                    @ClientId String requestingUnitId,
                                    @Day LocalDate wantedFrom,
                                    @Day(optional = true) LocalDate wantedTo,
                                    @Text(max = Bounds.SITE_MAX, required = true) String place,
                                    @Within(min = 1, max = Bounds.PEOPLE_TO_SERVE_MAX) Integer peopleToServe,
                                    @Text(max = Bounds.CONTACT_MAX) String contact,
                                    @Text(max = Bounds.NOTES_MAX, multiline = true) String notes) {
    }

    /** 审单 passed. */
    public record ApproveServiceOrder(@TargetAggregateIdentifier @ClientId String orderId) {
    }

    /** 审单 refused; final. */
    public record RejectServiceOrder(@TargetAggregateIdentifier @ClientId String orderId,
                                     @Text(max = Bounds.REASON_MAX, required = true, multiline = true) String reason) {
    }

    /** 派单. {@code providerUnitId} null = the project's provider (a free request must name one). */
    public record DispatchServiceOrder(@TargetAggregateIdentifier @ClientId String orderId,
                                       @ClientId(optional = true) String providerUnitId) {
    }

    /** 接单 by the unit the order is dispatched to. */
    public record AcceptServiceOrder(@TargetAggregateIdentifier @ClientId String orderId) {
    }

    /** The provider turns the order down; it goes back to {@link OrderState#APPROVED} for another dispatch. */
    public record DeclineServiceOrder(@TargetAggregateIdentifier @ClientId String orderId,
                                      @Text(max = Bounds.REASON_MAX, required = true, multiline = true) String reason) {
    }

    /** 结项 by the provider that accepted, with its report. */
    public record CompleteServiceOrder(@TargetAggregateIdentifier @ClientId String orderId,
                                       @NotNull(message = Bounds.MISSING) @Valid CompletionReport report) {
    }

    /** 评单 by the ordering unit, once; a score below 3 needs a comment. */
    public record RateServiceOrder(@TargetAggregateIdentifier @ClientId String orderId,
                                   @Within(min = Bounds.SCORE_MIN, max = Bounds.SCORE_MAX) int score,
                                   @Text(max = Bounds.COMMENT_MAX, multiline = true) String comment) {
    }

    /** The ordering unit withdraws its order before a provider accepted it. */
    public record CancelServiceOrder(@TargetAggregateIdentifier @ClientId String orderId,
                                     @Text(max = Bounds.REASON_MAX, required = true, multiline = true) String reason) {
    }
}
