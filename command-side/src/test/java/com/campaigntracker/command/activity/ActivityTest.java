package com.campaigntracker.command.activity;

import org.threeten.extra.MutableClock;
import com.campaigntracker.command.OtherStreams;
import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.campaign.CampaignGate;
import com.campaigntracker.command.campaign.CampaignNotActive;
import com.campaigntracker.command.campaign.CampaignNotFound;
import com.campaigntracker.command.campaign.UnitNotEnrolled;
import com.campaigntracker.command.rules.CommandValidation;
import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.unit.UnitInactive;
import com.campaigntracker.command.unit.UnitNotFound;
import com.campaigntracker.command.unit.NotYourUnit;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityCommands.CorrectActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RetractActivity;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.predicate;

class ActivityTest {
    private static final String C = "miyun-2026";
    private static final String A = "act-1";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Today is 2026-07-15 in Beijing (it is still 07-14 in UTC). */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 7, 15, 6, 30, 0, 0, SHANGHAI);
    private final MutableClock clock = MutableClock.of(NOW.toInstant(), SHANGHAI);
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final LocalDate END = LocalDate.of(2026, 9, 30);
    private static final LocalDate DAY = LocalDate.of(2026, 7, 10);
    private static final Figures FIGURES = new Figures(173, 460, 460.5, 85300);

    private FixtureConfiguration<Activity> fixture;
    private OtherStreams others;

    @BeforeEach
    void setUp() {
        others = new OtherStreams()
                .unit("lantian", new UnitRegistered("lantian", "密云蓝天救援队", UnitType.VOLUNTEER_TEAM, "密云区", null))
                .unit("other", new UnitRegistered("other", "另一支志愿服务队", UnitType.VOLUNTEER_TEAM, "密云区", null))
                .unit("gone", new UnitRegistered("gone", "已停用队伍", UnitType.VOLUNTEER_TEAM, "密云区", null))
                .campaign(C, new CampaignLaunched(C, "疫情防控志愿服务", null, null, "密云区",
                                EnumSet.allOf(UnitType.class), START, END, Targets.none()),
                        new UnitEnrolled(C, "lantian"), new UnitEnrolled(C, "gone"))
                .unit("gone", new UnitDeactivated("gone", "解散"))
                .unit("suo", new UnitRegistered("suo", "鼓楼街道实践所", UnitType.PRACTICE_INSTITUTE, "密云区", null))
                .unit("zhan", new UnitRegistered("zhan", "某社区实践站", UnitType.PRACTICE_STATION, "密云区", "suo"))
                .campaign(C, new UnitEnrolled(C, "zhan"));
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation());
        fixture.registerInjectableResource(others.campaigns());
        fixture.registerInjectableResource(others.units());
        fixture.registerInjectableResource(new CampaignGate(Duration.ofSeconds(5)));
        fixture.registerInjectableResource(clock);
    }

    private static RecordActivity record(String unitId, LocalDate date, Figures figures) {
        return new RecordActivity(C, A, unitId, date, "消杀任务", "疫情防控", "密云区各社区", figures, "出队 173 次");
    }

    private static ActivityRecorded recorded() {
        return new ActivityRecorded(C, A, "lantian", DAY, "消杀任务", "疫情防控", "密云区各社区", FIGURES, "出队 173 次");
    }

    private static CorrectActivity correct(LocalDate date, Figures figures, String reason) {
        return new CorrectActivity(C, A, date, "消杀任务", "疫情防控", "密云区各社区", figures, "出队 173 次", reason);
    }

    @Test
    void recordingAnActivityOfAnEnrolledUnit() {
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, FIGURES))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(recorded());
    }

    @Test
    void recordingTodayInBeijingIsAllowed() {
        LocalDate today = LocalDate.of(2026, 7, 15);
        fixture.givenNoPriorActivity()
                .when(record("lantian", today, FIGURES))
                .expectEvents(new ActivityRecorded(C, A, "lantian", today, "消杀任务", "疫情防控", "密云区各社区",
                        FIGURES, "出队 173 次"));
    }

    @Test
    void recordingTheSameActivityTwiceIsANoOp() {
        fixture.given(recorded())
                .when(record("lantian", DAY, FIGURES))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void retryingTheOriginalRecordAfterACorrectionIsStillANoOp() {
        fixture.given(recorded(), new ActivityCorrected(C, A, "lantian", DAY, "消杀任务", "疫情防控", "密云区各社区",
                        new Figures(1, 1, 1, 1), "出队 173 次", FIGURES, DAY, "笔误"))
                .when(record("lantian", DAY, FIGURES))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void reusingAnActivityIdWithOtherContentIsAConflict() {
        fixture.given(recorded())
                .when(record("lantian", DAY, new Figures(174, 460, 460.5, 85300)))
                .expectException(ActivityIdConflict.class)
                .expectNoEvents();
    }

    @Test
    void reusingAnActivityIdForAnotherUnitIsAConflict() {
        fixture.given(recorded())
                .when(record("other", DAY, FIGURES))
                .expectException(ActivityIdConflict.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordActivityAfterCampaignClosed() {
        others.campaign(C, new CampaignClosed(C));
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, FIGURES))
                .expectException(CampaignNotActive.class)
                .expectExceptionMessage("活动 " + C + " 已结束,不再接受任何变更")
                .expectNoEvents();
    }

    @Test
    void cannotRecordActivityAfterCampaignCancelled() {
        others.campaign(C, new CampaignCancelled(C, "取消"));
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, FIGURES))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordForACampaignNeverLaunched() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivity("nope", A, "lantian", DAY, "t", null, null, FIGURES, null))
                .expectException(CampaignNotFound.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordBeforeTheCampaignStarts() {
        fixture.givenNoPriorActivity()
                .when(record("lantian", START.minusDays(1), FIGURES))
                .expectException(DateOutsidePeriod.class)
                .expectExceptionMessage("活动日期为 2026-05-31,不在活动 " + C + " 的期间 2026-06-01 至 2026-09-30 之内")
                .expectNoEvents();
    }

    @Test
    void cannotRecordAfterTheCampaignEnds() {
        clock.setInstant(ZonedDateTime.of(2026, 11, 1, 9, 0, 0, 0, SHANGHAI).toInstant());
        fixture.givenNoPriorActivity()
                .when(record("lantian", END.plusDays(1), FIGURES))
                .expectException(DateOutsidePeriod.class)
                .expectNoEvents();
    }

    @Test
    void anExtensionOpensTheNewDays() {
        clock.setInstant(ZonedDateTime.of(2026, 11, 1, 9, 0, 0, 0, SHANGHAI).toInstant());
        others.campaign(C, new CampaignExtended(C, END, LocalDate.of(2026, 10, 31)));
        fixture.givenNoPriorActivity()
                .when(record("lantian", LocalDate.of(2026, 10, 31), FIGURES))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        predicate(m -> ((ActivityRecorded) m.getPayload()).date().equals(LocalDate.of(2026, 10, 31)))));
    }

    @Test
    void cannotRecordInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(record("lantian", LocalDate.of(2026, 7, 16), FIGURES))
                .expectException(DateInFuture.class)
                .expectExceptionMessage("活动日期为 2026-07-16,晚于今天 2026-07-15(北京时间),不能填报尚未开展的活动")
                .expectNoEvents();
    }

    @Test
    void cannotRecordForAUnitThatDidNotReportIn() {
        fixture.givenNoPriorActivity()
                .when(record("other", DAY, FIGURES))
                .expectException(UnitNotEnrolled.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordForAWithdrawnUnit() {
        others.campaign(C, new UnitWithdrawn(C, "lantian"));
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, FIGURES))
                .expectException(UnitNotEnrolled.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordForAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(record("ghost", DAY, FIGURES))
                .expectException(UnitNotFound.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordForADeactivatedUnit() {
        fixture.givenNoPriorActivity()
                .when(record("gone", DAY, FIGURES))
                .expectException(UnitInactive.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}={1},{2},{3},{4} is refused")
    @CsvSource({
            "sessions, 0, 0, 0, 0",
            "sessions, 1001, 0, 0, 0",
            "sessions, -1, 0, 0, 0",
            "participations, 1, -1, 0, 0",
            "participations, 1, 100001, 0, 0",
            "serviceHours, 1, 0, -0.5, 0",
            "serviceHours, 1, 0, 0.3, 0",
            "serviceHours, 1, 0, 100000.5, 0",
            "serviceHours, 1, 0, NaN, 0",
            "serviceHours, 1, 0, Infinity, 0",
            "beneficiaries, 1, 0, 0, -1",
            "beneficiaries, 1, 0, 0, 10000001",
    })
    void figuresOutsideTheirBoundsAreRefused(String field, int sessions, int participations, double hours,
                                             int beneficiaries) {
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, new Figures(sessions, participations, hours, beneficiaries)))
                .expectException(InvalidField.class)
                .expectExceptionMessage(predicate((String m) -> m.startsWith(FieldLabels.of(field))))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0},{1},{2},{3} is accepted")
    @CsvSource({"1, 0, 0, 0", "1000, 100000, 100000, 10000000", "1, 0, 0.5, 0", "3, 12, 7.5, 40"})
    void figuresAtTheirBoundsAreAccepted(int sessions, int participations, double hours, int beneficiaries) {
        Figures figures = new Figures(sessions, participations, hours, beneficiaries);
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, figures))
                .expectEvents(new ActivityRecorded(C, A, "lantian", DAY, "消杀任务", "疫情防控", "密云区各社区",
                        figures, "出队 173 次"));
    }

    @Test
    void textsOutsideTheirBoundsAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, "题".repeat(201), null, null, FIGURES, null))
                .expectExceptionMessage("标题不能超过 200 个字符(收到: 201 个字符)")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, null, null, null, FIGURES, null))
                .expectExceptionMessage("标题不能为空");
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, "t", "类".repeat(51), null, FIGURES, null))
                .expectExceptionMessage(predicate((String m) -> m.startsWith("类别不能超过 50 个字符")));
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, "t", null, "址".repeat(201), FIGURES, null))
                .expectExceptionMessage(predicate((String m) -> m.startsWith("服务地点不能超过 200 个字符")));
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, "t", null, null, FIGURES, "注".repeat(2001)))
                .expectExceptionMessage(predicate((String m) -> m.startsWith("备注不能超过 2000 个字符")));
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, "a\u0000b", null, null, FIGURES, null))
                .expectExceptionMessage("标题不能包含控制字符");
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", null, "t", null, null, FIGURES, null))
                .expectExceptionMessage("活动日期不能为空");
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, "t", null, null, null, null))
                .expectExceptionMessage("活动数据不能为空")
                .expectNoEvents();
    }

    @Test
    void emojiAndMixedScriptsCountAsOneCharacterEach() {
        String title = "🚦".repeat(200);
        fixture.givenNoPriorActivity()
                .when(new RecordActivity(C, A, "lantian", DAY, title, null, null, FIGURES, "多行\n备注"))
                .expectEvents(new ActivityRecorded(C, A, "lantian", DAY, title, null, null, FIGURES, "多行\n备注"));
    }

    @Test
    void correctingCarriesThePreviousFiguresAndDate() {
        Figures fixed = new Figures(173, 460, 460.0, 85300);
        LocalDate other = LocalDate.of(2026, 7, 11);
        fixture.given(recorded())
                .when(correct(other, fixed, "服务时长填错"))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(new ActivityCorrected(C, A, "lantian", other, "消杀任务", "疫情防控", "密云区各社区", fixed,
                        "出队 173 次", FIGURES, DAY, "服务时长填错"));
    }

    @Test
    void correctingRequiresAReason() {
        fixture.given(recorded())
                .when(correct(DAY, new Figures(1, 1, 1, 1), null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("原因不能为空")
                .expectNoEvents();
    }

    @Test
    void correctingToTheSameContentIsANoOp() {
        fixture.given(recorded())
                .when(correct(DAY, FIGURES, "重试"))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void correctionsAreBoundedLikeRecords() {
        fixture.given(recorded())
                .when(correct(DAY, new Figures(0, 1, 1, 1), "理由"))
                .expectException(InvalidField.class)
                .expectNoEvents();
        fixture.given(recorded())
                .when(correct(LocalDate.of(2026, 7, 20), FIGURES, "理由"))
                .expectException(DateInFuture.class)
                .expectNoEvents();
        fixture.given(recorded())
                .when(correct(LocalDate.of(2026, 5, 20), FIGURES, "理由"))
                .expectException(DateOutsidePeriod.class)
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAfterCampaignClosed() {
        others.campaign(C, new CampaignClosed(C));
        fixture.given(recorded())
                .when(correct(DAY, new Figures(1, 1, 1, 1), "理由"))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void cannotCorrectForAnotherUnit() {
        fixture.given(recorded())
                .when(correct(DAY, new Figures(1, 1, 1, 1), "理由"), Map.of(Activity.EXPECTED_UNIT_ID, "other"))
                .expectException(ActivityUnitMismatch.class)
                .expectNoEvents();
    }

    @Test
    void correctingNamingTheRecordingUnitIsFine() {
        fixture.given(recorded())
                .when(correct(DAY, new Figures(1, 1, 1, 1), "理由"), Map.of(Activity.EXPECTED_UNIT_ID, "lantian"))
                .expectResultMessagePayload(Outcome.CHANGED);
    }

    @Test
    void cannotCorrectAnUnknownActivity() {
        fixture.givenNoPriorActivity()
                .when(correct(DAY, FIGURES, "理由"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void retractingTakesOutTheCurrentFigures() {
        Figures fixed = new Figures(1, 2, 3, 4);
        fixture.given(recorded(), new ActivityCorrected(C, A, "lantian", DAY, "消杀任务", "疫情防控", "密云区各社区", fixed,
                        "出队 173 次", FIGURES, DAY, "笔误"))
                .when(new RetractActivity(C, A, "重复填报"))
                .expectEvents(new ActivityRetracted(C, A, "lantian", DAY, fixed, "重复填报"));
    }

    @Test
    void retractingRequiresAReason() {
        fixture.given(recorded())
                .when(new RetractActivity(C, A, ""))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void cannotRetractAfterCampaignClosed() {
        others.campaign(C, new CampaignClosed(C));
        fixture.given(recorded())
                .when(new RetractActivity(C, A, "理由"))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void cannotRetractTwice() {
        fixture.given(recorded(), new ActivityRetracted(C, A, "lantian", DAY, FIGURES, "理由"))
                .when(new RetractActivity(C, A, "再撤一次"))
                .expectException(ActivityAlreadyRetracted.class)
                .expectNoEvents();
    }

    @Test
    void cannotCorrectARetractedActivity() {
        fixture.given(recorded(), new ActivityRetracted(C, A, "lantian", DAY, FIGURES, "理由"))
                .when(correct(DAY, new Figures(1, 1, 1, 1), "理由"))
                .expectException(ActivityAlreadyRetracted.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordARetractedActivityAgain() {
        fixture.given(recorded(), new ActivityRetracted(C, A, "lantian", DAY, FIGURES, "理由"))
                .when(record("lantian", DAY, FIGURES))
                .expectException(ActivityAlreadyRetracted.class)
                .expectNoEvents();
    }

    @Test
    void cannotRetractAnUnknownActivity() {
        fixture.givenNoPriorActivity()
                .when(new RetractActivity(C, A, "理由"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static Map<String, Object> unitAccount(String unit) {
        return Map.of(AuditMetadata.ROLE, "UNIT", AuditMetadata.ACTING_UNIT, unit);
    }

    @Test
    void aUnitAccountRecordsForItsOwnUnit() {
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, FIGURES), unitAccount("lantian"))
                .expectEvents(recorded());
    }

    @Test
    void aUnitAccountCannotRecordForAnotherUnit() {
        fixture.givenNoPriorActivity()
                .when(record("lantian", DAY, FIGURES), unitAccount("other"))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void anInstituteAccountMayRecordForItsStation() {
        fixture.givenNoPriorActivity()
                .when(record("zhan", DAY, FIGURES), unitAccount("suo"))
                .expectEvents(new ActivityRecorded(C, A, "zhan", DAY, "消杀任务", "疫情防控", "密云区各社区", FIGURES,
                        "出队 173 次"));
    }

    @Test
    void aStationAccountCannotRecordForItsInstitute() {
        fixture.givenNoPriorActivity()
                .when(record("suo", DAY, FIGURES), unitAccount("zhan"))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void aUnitAccountCannotCorrectAnotherUnitsActivity() {
        fixture.given(recorded())
                .when(correct(DAY, new Figures(1, 2, 3, 4), "笔误"), unitAccount("other"))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void aUnitAccountCannotRetractAnotherUnitsActivity() {
        fixture.given(recorded())
                .when(new RetractActivity(C, A, "重复填报"), unitAccount("other"))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }
}
