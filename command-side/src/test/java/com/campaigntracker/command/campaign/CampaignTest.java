package com.campaigntracker.command.campaign;

import com.campaigntracker.command.OtherStreams;
import com.campaigntracker.command.rules.CommandValidation;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.unit.UnitInactive;
import com.campaigntracker.command.unit.UnitNotFound;
import com.campaigntracker.shared.campaign.CampaignCommands.CancelCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.CloseCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.EnrollUnit;
import com.campaigntracker.shared.campaign.CampaignCommands.ExtendCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.LaunchCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.ReviseCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.WithdrawUnit;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static com.campaigntracker.shared.unit.UnitType.PRACTICE_CENTER;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_INSTITUTE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static com.campaigntracker.shared.unit.UnitType.VOLUNTEER_TEAM;

class CampaignTest {
    private static final String ID = "shunyi-100days";
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final LocalDate END = LocalDate.of(2026, 9, 30);
    private static final Targets TARGETS = new Targets(600L, 30_000L, 1000.0, 80_000L, 25);
    private static final Set<UnitType> INSTITUTES_AND_STATIONS = EnumSet.of(PRACTICE_INSTITUTE, PRACTICE_STATION);

    private FixtureConfiguration<Campaign> fixture;
    private OtherStreams others;

    @BeforeEach
    void setUp() {
        others = new OtherStreams()
                .unit("center", new UnitRegistered("center", "顺义区实践中心", PRACTICE_CENTER, "顺义区", null))
                .unit("renhe", new UnitRegistered("renhe", "仁和镇实践所", PRACTICE_INSTITUTE, "顺义区", "center"))
                .unit("shifo", new UnitRegistered("shifo", "石佛寺实践所", PRACTICE_INSTITUTE, "顺义区", "center"),
                        new UnitDeactivated("shifo", "撤并"))
                .unit("team", new UnitRegistered("team", "蓝天救援队", VOLUNTEER_TEAM, "顺义区", null))
                .unit("haidian", new UnitRegistered("haidian", "学院路实践所", PRACTICE_INSTITUTE, "海淀区", "hd"))
                .campaign("taken", launched("taken"));
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation());
        fixture.registerInjectableResource(others.units());
        fixture.registerInjectableResource(others.campaigns());
        fixture.registerInjectableResource(new CampaignGate(Duration.ofSeconds(5)));
    }

    private static CampaignLaunched launched(String id) {
        return new CampaignLaunched(id, "文明路口引导行动", "百日大战", "122 个主要路口", "顺义区",
                INSTITUTES_AND_STATIONS, START, END, TARGETS);
    }

    private static LaunchCampaign launch(String id) {
        return new LaunchCampaign(id, "文明路口引导行动", "百日大战", "122 个主要路口", "顺义区",
                INSTITUTES_AND_STATIONS, START, END, TARGETS);
    }

    @Test
    void launching() {
        fixture.givenNoPriorActivity()
                .when(launch(ID))
                .expectEvents(launched(ID));
    }

    @Test
    void launchingWithoutEligibleTypesOpensItToEveryTypeAndWithoutTargetsToNone() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "全市活动", null, null, null, null, START, END, null))
                .expectEvents(new CampaignLaunched(ID, "全市活动", null, null, null, EnumSet.allOf(UnitType.class),
                        START, END, Targets.none()));
    }

    @Test
    void cannotLaunchWithAnEndBeforeTheStart() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "t", null, null, null, null, END, START, null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("结束日期不能早于开始日期(2026-09-30)(收到: 2026-06-01)")
                .expectNoEvents();
    }

    @Test
    void cannotLaunchWithANegativeTarget() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "t", null, null, null, null, START, END,
                        new Targets(-1L, null, null, null, null)))
                .expectException(InvalidField.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "t", null, null, null, null, START, END,
                        new Targets(null, null, Double.NaN, null, null)))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void cannotLaunchWithoutTitleOrDates() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, null, null, null, null, null, START, END, null))
                .expectExceptionMessage("标题不能为空");
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "t", null, null, null, null, null, END, null))
                .expectExceptionMessage("开始日期不能为空");
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "t", null, null, null, null, START, LocalDate.of(3000, 1, 1), null))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void cannotLaunchWithATakenId() {
        fixture.givenNoPriorActivity()
                .when(launch("taken"))
                .expectException(CampaignAlreadyExists.class)
                .expectNoEvents();
    }

    @Test
    void nothingHappensBeforeLaunch() {
        fixture.givenNoPriorActivity()
                .when(new CloseCampaign(ID))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void revisingKeepsWhatItDoesNotMention() {
        fixture.given(launched(ID))
                .when(new ReviseCampaign(ID, "新标题", null, null))
                .expectEvents(new CampaignRevised(ID, "新标题", "122 个主要路口", TARGETS));
    }

    @Test
    void revisingTheTargets() {
        Targets more = new Targets(700L, null, null, null, 30);
        fixture.given(launched(ID))
                .when(new ReviseCampaign(ID, null, "新描述", more))
                .expectEvents(new CampaignRevised(ID, "文明路口引导行动", "新描述", more));
    }

    @Test
    void revisingWithoutChangeIsANoOp() {
        fixture.given(launched(ID))
                .when(new ReviseCampaign(ID, "文明路口引导行动", null, TARGETS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revisingNothingIsInvalid() {
        fixture.given(launched(ID))
                .when(new ReviseCampaign(ID, null, null, null))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void cannotLaunchForMoreThanThreeYears() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "t", null, null, null, null, LocalDate.of(2000, 1, 1),
                        LocalDate.of(2099, 12, 31), null))
                .expectException(PeriodTooLong.class)
                .expectExceptionMessage("结束日期为 2099-12-31，活动期间最长 3 年：自开始日期 2000-01-01 起，"
                        + "结束日期最晚为 2002-12-31；更长的工作请分期发起活动")
                .expectNoEvents();
    }

    @Test
    void launchingForExactlyThreeYears() {
        LaunchCampaign threeYears = new LaunchCampaign(ID, "t", null, null, null, null, START,
                LocalDate.of(2029, 5, 31), null);
        fixture.givenNoPriorActivity()
                .when(threeYears)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotExtendBeyondThreeYears() {
        fixture.given(launched(ID))
                .when(new ExtendCampaign(ID, LocalDate.of(2029, 6, 1)))
                .expectException(PeriodTooLong.class)
                .expectNoEvents();
    }

    @Test
    void extending() {
        fixture.given(launched(ID))
                .when(new ExtendCampaign(ID, LocalDate.of(2026, 10, 31)))
                .expectEvents(new CampaignExtended(ID, END, LocalDate.of(2026, 10, 31)));
    }

    @Test
    void extendingToAnEarlierEndIsRefused() {
        fixture.given(launched(ID))
                .when(new ExtendCampaign(ID, LocalDate.of(2026, 9, 1)))
                .expectException(ExtensionNotLater.class)
                .expectNoEvents();
    }

    @Test
    void extendingToTheSameEndAgainIsANoOp() {
        fixture.given(launched(ID), new CampaignExtended(ID, END, LocalDate.of(2026, 10, 31)))
                .when(new ExtendCampaign(ID, LocalDate.of(2026, 10, 31)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void closing() {
        fixture.given(launched(ID))
                .when(new CloseCampaign(ID))
                .expectEvents(new CampaignClosed(ID));
    }

    @Test
    void cancellingRequiresAReason() {
        fixture.given(launched(ID))
                .when(new CancelCampaign(ID, "  "))
                .expectException(InvalidField.class)
                .expectExceptionMessage("原因不能为空")
                .expectNoEvents();
    }

    @Test
    void cancelling() {
        fixture.given(launched(ID))
                .when(new CancelCampaign(ID, "疫情防控需要"))
                .expectEvents(new CampaignCancelled(ID, "疫情防控需要"));
    }

    @Test
    void cannotCloseTwice() {
        fixture.given(launched(ID), new CampaignClosed(ID))
                .when(new CloseCampaign(ID))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void cannotCancelAClosedCampaign() {
        fixture.given(launched(ID), new CampaignClosed(ID))
                .when(new CancelCampaign(ID, "理由"))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void cannotReviseACancelledCampaign() {
        fixture.given(launched(ID), new CampaignCancelled(ID, "理由"))
                .when(new ReviseCampaign(ID, "新标题", null, null))
                .expectException(CampaignNotActive.class)
                .expectExceptionMessage("活动 " + ID + " 已取消,不再接受任何变更")
                .expectNoEvents();
    }

    @Test
    void cannotExtendAClosedCampaign() {
        fixture.given(launched(ID), new CampaignClosed(ID))
                .when(new ExtendCampaign(ID, LocalDate.of(2026, 12, 31)))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void enrolling() {
        fixture.given(launched(ID))
                .when(new EnrollUnit(ID, "renhe"))
                .expectEvents(new UnitEnrolled(ID, "renhe"));
    }

    @Test
    void enrollingTwiceIsANoOp() {
        fixture.given(launched(ID), new UnitEnrolled(ID, "renhe"))
                .when(new EnrollUnit(ID, "renhe"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotEnrollAnUnknownUnit() {
        fixture.given(launched(ID))
                .when(new EnrollUnit(ID, "nobody"))
                .expectException(UnitNotFound.class)
                .expectNoEvents();
    }

    @Test
    void cannotEnrollADeactivatedUnit() {
        fixture.given(launched(ID))
                .when(new EnrollUnit(ID, "shifo"))
                .expectException(UnitInactive.class)
                .expectNoEvents();
    }

    @Test
    void cannotEnrollAUnitOfAnIneligibleType() {
        fixture.given(launched(ID))
                .when(new EnrollUnit(ID, "team"))
                .expectException(IneligibleUnitType.class)
                .expectExceptionMessage("单位编号所指的单位 team 类型为 志愿服务队,活动 " + ID
                        + " 只接受 实践所、实践站 报到")
                .expectNoEvents();
    }

    @Test
    void cannotEnrollAUnitOfAnotherDistrict() {
        fixture.given(launched(ID))
                .when(new EnrollUnit(ID, "haidian"))
                .expectException(UnitOutOfScope.class)
                .expectNoEvents();
    }

    @Test
    void aCityWideCampaignTakesUnitsOfEveryDistrict() {
        fixture.given(new CampaignLaunched(ID, "全市", null, null, null, EnumSet.allOf(UnitType.class), START, END,
                        Targets.none()))
                .when(new EnrollUnit(ID, "haidian"))
                .expectEvents(new UnitEnrolled(ID, "haidian"));
    }

    @Test
    void cannotEnrollAfterCampaignClosed() {
        fixture.given(launched(ID), new CampaignClosed(ID))
                .when(new EnrollUnit(ID, "renhe"))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void withdrawing() {
        fixture.given(launched(ID), new UnitEnrolled(ID, "renhe"))
                .when(new WithdrawUnit(ID, "renhe"))
                .expectEvents(new UnitWithdrawn(ID, "renhe"));
    }

    @Test
    void withdrawingTwiceIsANoOp() {
        fixture.given(launched(ID), new UnitEnrolled(ID, "renhe"), new UnitWithdrawn(ID, "renhe"))
                .when(new WithdrawUnit(ID, "renhe"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawAUnitThatNeverReportedIn() {
        fixture.given(launched(ID))
                .when(new WithdrawUnit(ID, "renhe"))
                .expectException(UnitNotEnrolled.class)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnUnitMayReportInAgain() {
        fixture.given(launched(ID), new UnitEnrolled(ID, "renhe"), new UnitWithdrawn(ID, "renhe"))
                .when(new EnrollUnit(ID, "renhe"))
                .expectEvents(new UnitEnrolled(ID, "renhe"));
    }

    @Test
    void cannotWithdrawAfterCampaignCancelled() {
        fixture.given(launched(ID), new UnitEnrolled(ID, "renhe"), new CampaignCancelled(ID, "理由"))
                .when(new WithdrawUnit(ID, "renhe"))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void aUnitAccountCannotEnrolAnotherUnit() {
        fixture.given(launched(ID))
                .when(new EnrollUnit(ID, "renhe"), java.util.Map.of(com.campaigntracker.shared.AuditMetadata.ROLE, "UNIT",
                        com.campaigntracker.shared.AuditMetadata.ACTING_UNIT, "shifo"))
                .expectException(com.campaigntracker.command.unit.NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void aCentreAccountMayEnrolTheInstitutesBelowIt() {
        fixture.given(launched(ID))
                .when(new EnrollUnit(ID, "renhe"), java.util.Map.of(com.campaigntracker.shared.AuditMetadata.ROLE, "UNIT",
                        com.campaigntracker.shared.AuditMetadata.ACTING_UNIT, "center"))
                .expectEvents(new UnitEnrolled(ID, "renhe"));
    }

    @Test
    void aUnitAccountCannotWithdrawAnotherUnit() {
        fixture.given(launched(ID), new UnitEnrolled(ID, "renhe"))
                .when(new WithdrawUnit(ID, "renhe"), java.util.Map.of(com.campaigntracker.shared.AuditMetadata.ROLE, "UNIT",
                        com.campaigntracker.shared.AuditMetadata.ACTING_UNIT, "shifo"))
                .expectException(com.campaigntracker.command.unit.NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void launchingWithAnImmutableSetOfTypesFromInProcessCode() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(ID, "文明路口引导行动", "百日大战", "122 个主要路口", "顺义区",
                        Set.of(PRACTICE_INSTITUTE, PRACTICE_STATION), START, END, TARGETS))
                .expectEvents(launched(ID));
    }
}
