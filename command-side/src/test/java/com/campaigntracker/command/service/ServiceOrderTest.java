package com.campaigntracker.command.service;

import com.campaigntracker.command.OtherStreams;
import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.rules.CommandValidation;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.unit.NotYourUnit;
import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.OrderState;
import com.campaigntracker.shared.service.ServiceCommands.AcceptServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.ApproveServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CancelServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CompleteServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DeclineServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DispatchServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.PlaceServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.RateServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.RejectServiceOrder;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderAccepted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderApproved;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCancelled;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCompleted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDeclined;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDispatched;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderPlaced;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRated;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRejected;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threeten.extra.MutableClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static com.campaigntracker.command.service.ServiceFixtures.CAMPAIGN;
import static com.campaigntracker.command.service.ServiceFixtures.CENTER;
import static com.campaigntracker.command.service.ServiceFixtures.LANTIAN;
import static com.campaigntracker.command.service.ServiceFixtures.MIYUN_PROJECT;
import static com.campaigntracker.command.service.ServiceFixtures.OTHER_SUO;
import static com.campaigntracker.command.service.ServiceFixtures.OTHER_ZHAN;
import static com.campaigntracker.command.service.ServiceFixtures.PROJECT;
import static com.campaigntracker.command.service.ServiceFixtures.SUO;
import static com.campaigntracker.command.service.ServiceFixtures.WITHDRAWN_PROJECT;
import static com.campaigntracker.command.service.ServiceFixtures.XIYANG;
import static com.campaigntracker.command.service.ServiceFixtures.ZHAN;
import static com.campaigntracker.command.service.ServiceFixtures.coordinator;
import static com.campaigntracker.command.service.ServiceFixtures.unitAccount;

class ServiceOrderTest {
    private static final String O = "order-1";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Today is 2026-07-15 in Beijing (still 07-14 in UTC). */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 7, 15, 6, 30, 0, 0, SHANGHAI);
    private static final LocalDate WANTED = LocalDate.of(2026, 7, 12);
    private static final CompletionReport REPORT = new CompletionReport(LocalDate.of(2026, 7, 12),
            new Figures(2, 12, 24, 40), "两场智能手机培训,40 位老人参加");

    private final MutableClock clock = MutableClock.of(NOW.toInstant(), SHANGHAI);
    private FixtureConfiguration<ServiceOrder> fixture;

    @BeforeEach
    void setUp() {
        OtherStreams others = ServiceFixtures.network();
        fixture = new AggregateTestFixture<>(ServiceOrder.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation());
        fixture.registerInjectableResource(others.units());
        fixture.registerInjectableResource(others.projects());
        fixture.registerInjectableResource(new ServiceOrderProperties());
        fixture.registerInjectableResource(clock);
    }

    private static PlaceServiceOrder fromMenu(String projectId, String category, String unit) {
        return new PlaceServiceOrder(O, projectId, category, unit, WANTED, null, "学院路某社区活动室", 40,
                "王老师 13800000000", "老人们想学微信视频");
    }

    private static PlaceServiceOrder freeRequest(String category) {
        return new PlaceServiceOrder(O, null, category, ZHAN, WANTED, WANTED.plusDays(2), "社区广场", 100, null,
                null);
    }

    private static ServiceOrderPlaced placed() {
        return new ServiceOrderPlaced(O, PROJECT, "科技助老:智能手机使用培训", "助老助残", ZHAN, "海淀区",
                List.of(SUO, CENTER), XIYANG, CAMPAIGN, WANTED, WANTED, "学院路某社区活动室", 40, "王老师 13800000000",
                "老人们想学微信视频");
    }

    private static ServiceOrderPlaced placedFreeRequest() {
        return new ServiceOrderPlaced(O, null, null, "健康促进", ZHAN, "海淀区", List.of(SUO, CENTER), null, null,
                WANTED, WANTED.plusDays(2), "社区广场", 100, null, null);
    }

    private static final ServiceOrderApproved APPROVED = new ServiceOrderApproved(O);
    private static final ServiceOrderDispatched DISPATCHED = new ServiceOrderDispatched(O, XIYANG, "海淀区");
    private static final ServiceOrderAccepted ACCEPTED = new ServiceOrderAccepted(O, XIYANG);
    private static final ServiceOrderCompleted COMPLETED = new ServiceOrderCompleted(O, XIYANG, ZHAN, "助老助残",
            CAMPAIGN, REPORT);
    private static final ServiceOrderCancelled CANCELLED = new ServiceOrderCancelled(O, OrderState.PLACED, "活动改期");

    // 点单

    @Test
    void aStationOrdersFromTheMenuAndTheUnitsAboveItWillReviewIt() {
        fixture.givenNoPriorActivity()
                .when(fromMenu(PROJECT, null, ZHAN), unitAccount(ZHAN))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(placed());
    }

    @Test
    void aStationPlacesAFreeRequestWithACategory() {
        fixture.givenNoPriorActivity()
                .when(freeRequest("健康促进"))
                .expectEvents(placedFreeRequest());
    }

    @Test
    void placingTheSameOrderAgainIsANoOp() {
        fixture.given(placed())
                .when(fromMenu(PROJECT, "助老助残", ZHAN))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void otherContentUnderATakenOrderIdIsAConflict() {
        fixture.given(placed())
                .when(freeRequest("健康促进"))
                .expectException(ServiceOrderIdConflict.class)
                .expectNoEvents();
    }

    @Test
    void aFreeRequestNeedsACategory() {
        fixture.givenNoPriorActivity()
                .when(freeRequest(null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("类别不能为空(未从服务菜单选择项目时须填写需求类别)")
                .expectNoEvents();
    }

    @Test
    void aFreeRequestInACategoryOffTheListIsRefused() {
        fixture.givenNoPriorActivity()
                .when(freeRequest("美容美发"))
                .expectException(UnknownServiceCategory.class)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnProjectCannotBeOrdered() {
        fixture.givenNoPriorActivity()
                .when(fromMenu(WITHDRAWN_PROJECT, null, ZHAN))
                .expectException(ServiceProjectNotOnMenu.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownProjectIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(fromMenu("no-such-project", null, ZHAN))
                .expectException(ServiceProjectNotFound.class)
                .expectExceptionMessage("服务项目编号所指的服务项目 no-such-project 不存在")
                .expectNoEvents();
    }

    @Test
    void anOrderFromTheMenuKeepsTheProjectsCategory() {
        fixture.givenNoPriorActivity()
                .when(fromMenu(PROJECT, "科普", ZHAN))
                .expectException(ServiceCategoryMismatch.class)
                .expectNoEvents();
    }

    @Test
    void aProjectIsOrderedOnlyFromTheDistrictsItServes() {
        fixture.givenNoPriorActivity()
                .when(fromMenu(MIYUN_PROJECT, null, ZHAN))
                .expectException(DistrictNotServed.class)
                .expectExceptionMessage("服务项目 miyun-xiaosha 的服务区域为 密云区,不包括点单单位所在的海淀区")
                .expectNoEvents();
    }

    @Test
    void aVolunteerTeamDoesNotPlaceOrders() {
        fixture.givenNoPriorActivity()
                .when(fromMenu(PROJECT, null, XIYANG))
                .expectException(UnitCannotOrder.class)
                .expectNoEvents();
    }

    @Test
    void aStationCannotOrderForAnotherStation() {
        fixture.givenNoPriorActivity()
                .when(fromMenu(PROJECT, null, ZHAN), unitAccount(OTHER_ZHAN))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void theWantedWindowEndsNoEarlierThanItStarts() {
        fixture.givenNoPriorActivity()
                .when(new PlaceServiceOrder(O, PROJECT, null, ZHAN, WANTED, WANTED.minusDays(1), "活动室", 10, null,
                        null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("期望服务截止日期不能早于期望服务日期(2026-07-12)(收到: 2026-07-11)")
                .expectNoEvents();
    }

    @Test
    void theNumberOfPeopleToServeIsAtLeastOne() {
        fixture.givenNoPriorActivity()
                .when(new PlaceServiceOrder(O, PROJECT, null, ZHAN, WANTED, null, "活动室", 0, null, null))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    // 审单

    @Test
    void theInstituteAboveTheStationApproves() {
        fixture.given(placed())
                .when(new ApproveServiceOrder(O), unitAccount(SUO))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(APPROVED);
    }

    @Test
    void theCentreAboveAndACoordinatorApproveToo() {
        fixture.given(placed()).when(new ApproveServiceOrder(O), unitAccount(CENTER)).expectEvents(APPROVED);
        fixture.given(placed()).when(new ApproveServiceOrder(O), coordinator()).expectEvents(APPROVED);
    }

    @Test
    void theOrderingStationDoesNotReviewItsOwnOrder() {
        fixture.given(placed())
                .when(new ApproveServiceOrder(O), unitAccount(ZHAN))
                .expectException(NotTheReviewer.class)
                .expectNoEvents();
    }

    @Test
    void anotherInstituteDoesNotReviewTheOrder() {
        fixture.given(placed())
                .when(new RejectServiceOrder(O, "不归我们管"), unitAccount(OTHER_SUO))
                .expectException(NotTheReviewer.class)
                .expectNoEvents();
    }

    @Test
    void approvingTwiceIsANoOp() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new ApproveServiceOrder(O))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void rejectingWithAReasonEndsTheOrder() {
        fixture.given(placed())
                .when(new RejectServiceOrder(O, "时间与社区活动冲突"), unitAccount(SUO))
                .expectEvents(new ServiceOrderRejected(O, "时间与社区活动冲突"));
    }

    @Test
    void rejectingNeedsAReason() {
        fixture.given(placed())
                .when(new RejectServiceOrder(O, " "))
                .expectException(InvalidField.class)
                .expectExceptionMessage("原因不能为空")
                .expectNoEvents();
    }

    @Test
    void rejectingTwiceIsANoOp() {
        fixture.given(placed(), new ServiceOrderRejected(O, "冲突"))
                .when(new RejectServiceOrder(O, "冲突"))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void anApprovedOrderIsNotRejectedAnyMore() {
        fixture.given(placed(), APPROVED)
                .when(new RejectServiceOrder(O, "改主意了"))
                .expectException(OrderNotAwaitingReview.class)
                .expectExceptionMessage("服务单 order-1 待派单,只有待审核的服务单可以审核")
                .expectNoEvents();
    }

    @Test
    void nothingHappensToARejectedOrder() {
        fixture.given(placed(), new ServiceOrderRejected(O, "冲突"))
                .when(new ApproveServiceOrder(O))
                .expectException(OrderRejected.class)
                .expectNoEvents();
        fixture.given(placed(), new ServiceOrderRejected(O, "冲突"))
                .when(new DispatchServiceOrder(O, null))
                .expectException(OrderRejected.class)
                .expectNoEvents();
    }

    // 派单

    @Test
    void dispatchingGoesToTheProjectsProviderByDefault() {
        fixture.given(placed(), APPROVED)
                .when(new DispatchServiceOrder(O, null), unitAccount(SUO))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(DISPATCHED);
    }

    @Test
    void dispatchingToAnyEligibleUnitNamesItsDistrict() {
        fixture.given(placed(), APPROVED)
                .when(new DispatchServiceOrder(O, LANTIAN))
                .expectEvents(new ServiceOrderDispatched(O, LANTIAN, "密云区"));
    }

    @Test
    void anOrderIsDispatchedOnlyAfterApproval() {
        fixture.given(placed())
                .when(new DispatchServiceOrder(O, null))
                .expectException(OrderNotAwaitingDispatch.class)
                .expectNoEvents();
    }

    @Test
    void aFreeRequestIsDispatchedToANamedUnit() {
        fixture.given(placedFreeRequest(), APPROVED)
                .when(new DispatchServiceOrder(O, null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("服务单位不能为空(自由需求没有默认的服务单位)")
                .expectNoEvents();
    }

    @Test
    void aStationIsNoProviderToDispatchTo() {
        fixture.given(placed(), APPROVED)
                .when(new DispatchServiceOrder(O, OTHER_ZHAN))
                .expectException(UnitCannotProvide.class)
                .expectNoEvents();
    }

    @Test
    void dispatchingToTheSameUnitAgainIsANoOp() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new DispatchServiceOrder(O, XIYANG))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aDispatchedOrderNobodyAcceptedYetIsDispatchedToAnotherUnit() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new DispatchServiceOrder(O, LANTIAN))
                .expectEvents(new ServiceOrderDispatched(O, LANTIAN, "密云区"));
    }

    @Test
    void anAcceptedOrderIsNotDispatchedElsewhere() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new DispatchServiceOrder(O, LANTIAN))
                .expectException(OrderNotAwaitingDispatch.class)
                .expectNoEvents();
    }

    @Test
    void theStationDoesNotDispatchItsOwnOrder() {
        fixture.given(placed(), APPROVED)
                .when(new DispatchServiceOrder(O, null), unitAccount(ZHAN))
                .expectException(NotTheReviewer.class)
                .expectNoEvents();
    }

    // 接单

    @Test
    void theProviderAccepts() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new AcceptServiceOrder(O), unitAccount(XIYANG))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(ACCEPTED);
    }

    @Test
    void theCentreAboveTheProviderAcceptsForIt() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new AcceptServiceOrder(O), unitAccount(CENTER))
                .expectEvents(ACCEPTED);
    }

    @Test
    void anOrderDispatchedToAnotherUnitIsNotAccepted() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new AcceptServiceOrder(O), unitAccount(LANTIAN))
                .expectException(NotTheProvider.class)
                .expectExceptionMessage("服务单 order-1 派给了单位 xiyang,当前账号属于单位 lantian,不能接单、退单或结项")
                .expectNoEvents();
    }

    @Test
    void anOrderNotDispatchedIsNotAccepted() {
        fixture.given(placed(), APPROVED)
                .when(new AcceptServiceOrder(O))
                .expectException(OrderNotDispatched.class)
                .expectNoEvents();
    }

    @Test
    void acceptingTwiceIsANoOp() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new AcceptServiceOrder(O), unitAccount(XIYANG))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void decliningSendsTheOrderBackForAnotherDispatch() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new DeclineServiceOrder(O, "当天队员不足"), unitAccount(XIYANG))
                .expectEvents(new ServiceOrderDeclined(O, XIYANG, "当天队员不足"));
        fixture.given(placed(), APPROVED, DISPATCHED, new ServiceOrderDeclined(O, XIYANG, "当天队员不足"))
                .when(new DispatchServiceOrder(O, LANTIAN), unitAccount(SUO))
                .expectEvents(new ServiceOrderDispatched(O, LANTIAN, "密云区"));
    }

    @Test
    void aDeclinedOrderIsNotAcceptedUntilDispatchedAgain() {
        fixture.given(placed(), APPROVED, DISPATCHED, new ServiceOrderDeclined(O, XIYANG, "队员不足"))
                .when(new AcceptServiceOrder(O), unitAccount(XIYANG))
                .expectException(OrderNotDispatched.class)
                .expectNoEvents();
    }

    @Test
    void decliningTwiceIsANoOp() {
        fixture.given(placed(), APPROVED, DISPATCHED, new ServiceOrderDeclined(O, XIYANG, "队员不足"))
                .when(new DeclineServiceOrder(O, "队员不足"), unitAccount(XIYANG))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void anAcceptedOrderIsNotDeclined() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new DeclineServiceOrder(O, "不想去了"), unitAccount(XIYANG))
                .expectException(OrderNotDispatched.class)
                .expectNoEvents();
    }

    @Test
    void decliningNeedsAReason() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new DeclineServiceOrder(O, null))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    // 结项

    @Test
    void theProviderCompletesWithItsReportAndTheOrdersCampaign() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new CompleteServiceOrder(O, REPORT), unitAccount(XIYANG))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(COMPLETED);
    }

    @Test
    void completingTodayInBeijingIsAllowedButNotTomorrow() {
        CompletionReport today = new CompletionReport(LocalDate.of(2026, 7, 15), REPORT.figures(), null);
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new CompleteServiceOrder(O, today))
                .expectEvents(new ServiceOrderCompleted(O, XIYANG, ZHAN, "助老助残", CAMPAIGN, today));
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new CompleteServiceOrder(O, new CompletionReport(LocalDate.of(2026, 7, 16), REPORT.figures(),
                        null)))
                .expectException(CompletionDateInFuture.class)
                .expectExceptionMessage("服务日期为 2026-07-16,晚于今天 2026-07-15(北京时间),不能为尚未开展的服务结项")
                .expectNoEvents();
    }

    @Test
    void anOrderIsCompletedOnlyAfterItWasAccepted() {
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new CompleteServiceOrder(O, REPORT), unitAccount(XIYANG))
                .expectException(OrderNotAccepted.class)
                .expectExceptionMessage("服务单 order-1 待接单,须先接单才能结项")
                .expectNoEvents();
        fixture.given(placed(), APPROVED)
                .when(new CompleteServiceOrder(O, REPORT))
                .expectException(OrderNotAccepted.class)
                .expectNoEvents();
    }

    @Test
    void completingAgainWithTheSameReportIsANoOp() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED)
                .when(new CompleteServiceOrder(O, REPORT))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void completingAgainWithAnotherReportIsAConflict() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED)
                .when(new CompleteServiceOrder(O, new CompletionReport(REPORT.date(), new Figures(3, 12, 24, 40),
                        null)))
                .expectException(OrderAlreadyCompleted.class)
                .expectNoEvents();
    }

    @Test
    void anotherUnitDoesNotCompleteTheOrder() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new CompleteServiceOrder(O, REPORT), unitAccount(ZHAN))
                .expectException(NotTheProvider.class)
                .expectNoEvents();
    }

    @Test
    void theReportsFiguresKeepTheActivityBounds() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new CompleteServiceOrder(O, new CompletionReport(REPORT.date(), new Figures(0, 1, 1, 1), null)))
                .expectException(InvalidField.class)
                .expectExceptionMessage("场次必须在 1 到 1000 之间(收到: 0)")
                .expectNoEvents();
    }

    // 评单

    @Test
    void theOrderingStationRatesTheService() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED)
                .when(new RateServiceOrder(O, 5, "老人们很满意"), unitAccount(ZHAN))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(new ServiceOrderRated(O, XIYANG, "助老助残", 5, "老人们很满意"));
    }

    @Test
    void theSameRatingAgainIsANoOpButAnotherOneIsRefused() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED,
                        new ServiceOrderRated(O, XIYANG, "助老助残", 5, "很满意"))
                .when(new RateServiceOrder(O, 5, "很满意"))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED,
                        new ServiceOrderRated(O, XIYANG, "助老助残", 5, "很满意"))
                .when(new RateServiceOrder(O, 4, null))
                .expectException(OrderAlreadyRated.class)
                .expectExceptionMessage("服务单 order-1 已评价(5 分),每张服务单只能评价一次")
                .expectNoEvents();
    }

    @Test
    void anOrderIsRatedOnlyAfterCompletion() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new RateServiceOrder(O, 5, null))
                .expectException(OrderNotCompleted.class)
                .expectNoEvents();
    }

    @Test
    void aScoreBelowThreeNeedsAComment() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED)
                .when(new RateServiceOrder(O, 2, " "))
                .expectException(RatingNeedsComment.class)
                .expectExceptionMessage("评分为 2 分(低于 3 分)时,评语不能为空")
                .expectNoEvents();
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED)
                .when(new RateServiceOrder(O, 2, "迟到一小时"))
                .expectEvents(new ServiceOrderRated(O, XIYANG, "助老助残", 2, "迟到一小时"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void aScoreIsFromOneToFive(int score) {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED)
                .when(new RateServiceOrder(O, score, "评语"))
                .expectException(InvalidField.class)
                .expectExceptionMessage("评分必须在 1 到 5 之间(收到: " + score + ")")
                .expectNoEvents();
    }

    @Test
    void theProviderDoesNotRateItsOwnService() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED, COMPLETED)
                .when(new RateServiceOrder(O, 5, null), unitAccount(XIYANG))
                .expectException(NotTheRequester.class)
                .expectNoEvents();
    }

    // 取消

    @Test
    void theStationCancelsBeforeAnyoneAccepted() {
        fixture.given(placed())
                .when(new CancelServiceOrder(O, "活动改期"), unitAccount(ZHAN))
                .expectEvents(CANCELLED);
        fixture.given(placed(), APPROVED)
                .when(new CancelServiceOrder(O, "活动改期"))
                .expectEvents(new ServiceOrderCancelled(O, OrderState.APPROVED, "活动改期"));
        fixture.given(placed(), APPROVED, DISPATCHED)
                .when(new CancelServiceOrder(O, "活动改期"))
                .expectEvents(new ServiceOrderCancelled(O, OrderState.DISPATCHED, "活动改期"));
    }

    @Test
    void anAcceptedOrderIsNotCancelled() {
        fixture.given(placed(), APPROVED, DISPATCHED, ACCEPTED)
                .when(new CancelServiceOrder(O, "活动改期"))
                .expectException(OrderNotCancellable.class)
                .expectExceptionMessage("服务单 order-1 服务中,服务单位接单后不能取消")
                .expectNoEvents();
    }

    @Test
    void cancellingTwiceIsANoOp() {
        fixture.given(placed(), CANCELLED)
                .when(new CancelServiceOrder(O, "活动改期"))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aRejectedOrderIsNotCancelled() {
        fixture.given(placed(), new ServiceOrderRejected(O, "冲突"))
                .when(new CancelServiceOrder(O, "不要了"))
                .expectException(OrderRejected.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheOrderingUnitCancels() {
        fixture.given(placed())
                .when(new CancelServiceOrder(O, "不要了"), unitAccount(OTHER_ZHAN))
                .expectException(NotTheRequester.class)
                .expectNoEvents();
    }

    @Test
    void nothingHappensToACancelledOrder() {
        fixture.given(placed(), CANCELLED)
                .when(new ApproveServiceOrder(O))
                .expectException(OrderCancelled.class)
                .expectExceptionMessage("服务单 order-1 已取消,不再接受任何操作")
                .expectNoEvents();
        fixture.given(placed(), APPROVED, DISPATCHED, new ServiceOrderCancelled(O, OrderState.DISPATCHED, "改期"))
                .when(new AcceptServiceOrder(O))
                .expectException(OrderCancelled.class)
                .expectNoEvents();
        fixture.given(placed(), APPROVED, DISPATCHED, new ServiceOrderCancelled(O, OrderState.DISPATCHED, "改期"))
                .when(new CompleteServiceOrder(O, REPORT))
                .expectException(OrderCancelled.class)
                .expectNoEvents();
        fixture.given(placed(), CANCELLED)
                .when(new RateServiceOrder(O, 5, null))
                .expectException(OrderCancelled.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownOrderIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ApproveServiceOrder(O))
                .expectException(AggregateNotFoundException.class);
    }
}
