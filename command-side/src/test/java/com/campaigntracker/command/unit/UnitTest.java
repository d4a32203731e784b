package com.campaigntracker.command.unit;

import com.campaigntracker.command.OtherStreams;
import com.campaigntracker.command.rules.CommandValidation;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.shared.unit.UnitCommands.DeactivateUnit;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.campaigntracker.shared.unit.UnitCommands.RenameUnit;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.campaigntracker.shared.unit.UnitType.CIVILIZED_UNIT;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_CENTER;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_INSTITUTE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

class UnitTest {
    private static final String HAIDIAN = "海淀区";

    private FixtureConfiguration<Unit> fixture;
    private OtherStreams others;
    private UnitNames names;

    @BeforeEach
    void setUp() {
        others = new OtherStreams()
                .unit("center", new UnitRegistered("center", "海淀区新时代文明实践中心", PRACTICE_CENTER, HAIDIAN, null))
                .unit("inst", new UnitRegistered("inst", "学院路街道实践所", PRACTICE_INSTITUTE, HAIDIAN, "center"))
                .unit("old", new UnitRegistered("old", "旧实践所", PRACTICE_INSTITUTE, HAIDIAN, "center"),
                        new UnitDeactivated("old", "合并"));
        fixture = new AggregateTestFixture<>(Unit.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation());
        names = new UnitNames(others.store());
        fixture.registerInjectableResource(others.units());
        fixture.registerInjectableResource(names);
    }

    @Test
    void registeringACenterWithoutParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("c2", "顺义区新时代文明实践中心", PRACTICE_CENTER, "顺义区", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitRegistered("c2", "顺义区新时代文明实践中心", PRACTICE_CENTER, "顺义区", null));
    }

    @Test
    void registeringAStationUnderAnInstituteOfTheSameDistrict() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("st", "石板房社区实践站", PRACTICE_STATION, HAIDIAN, "inst"))
                .expectEvents(new UnitRegistered("st", "石板房社区实践站", PRACTICE_STATION, HAIDIAN, "inst"));
    }

    @Test
    void aCivilizedUnitMayHangOffNothing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("cu", "某文明单位", CIVILIZED_UNIT, HAIDIAN, null))
                .expectEvents(new UnitRegistered("cu", "某文明单位", CIVILIZED_UNIT, HAIDIAN, null));
    }

    @Test
    void cannotRegisterUnderAnUnknownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("st", "实践站", PRACTICE_STATION, HAIDIAN, "nobody"))
                .expectException(UnitNotFound.class)
                .expectExceptionMessage("上级单位所指的单位 nobody 不存在")
                .expectNoEvents();
    }

    @Test
    void cannotRegisterUnderADeactivatedParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("st", "实践站", PRACTICE_STATION, HAIDIAN, "old"))
                .expectException(UnitInactive.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAStationDirectlyUnderACenter() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("st", "实践站", PRACTICE_STATION, HAIDIAN, "center"))
                .expectException(InvalidHierarchy.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAnInstituteWithoutParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("i2", "实践所", PRACTICE_INSTITUTE, HAIDIAN, null))
                .expectException(InvalidHierarchy.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterACenterUnderAParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("c3", "实践中心", PRACTICE_CENTER, HAIDIAN, "inst"))
                .expectException(InvalidHierarchy.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterUnderAParentOfAnotherDistrict() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("st", "实践站", PRACTICE_STATION, "朝阳区", "inst"))
                .expectException(DistrictMismatch.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAnIdAlreadyInUse() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("inst", "另一个实践所", PRACTICE_INSTITUTE, HAIDIAN, "center"))
                .expectException(UnitAlreadyRegistered.class)
                .expectNoEvents();
    }

    @Test
    void registrationRequiresANameATypeADistrictAndAValidId() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("x", " ", PRACTICE_CENTER, HAIDIAN, null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("名称不能为空")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("x", "名称", null, HAIDIAN, null))
                .expectExceptionMessage("单位类型不能为空");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("x", "名称", PRACTICE_CENTER, null, null))
                .expectExceptionMessage("所属区不能为空");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("a/b", "名称", PRACTICE_CENTER, HAIDIAN, null))
                .expectException(InvalidField.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("x", "名".repeat(101), PRACTICE_CENTER, HAIDIAN, null))
                .expectExceptionMessage(predicate((String m) -> m.contains("不能超过 100 个字符")));
    }

    @Test
    void renamingRecordsThePreviousName() {
        fixture.given(new UnitRegistered("u", "旧名", PRACTICE_CENTER, HAIDIAN, null))
                .when(new RenameUnit("u", "新名"))
                .expectEvents(new UnitRenamed("u", "旧名", "新名"));
    }

    @Test
    void renamingToTheSameNameIsANoOp() {
        fixture.given(new UnitRegistered("u", "旧名", PRACTICE_CENTER, HAIDIAN, null))
                .when(new RenameUnit("u", "旧名"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRenameADeactivatedUnit() {
        fixture.given(new UnitRegistered("u", "旧名", PRACTICE_CENTER, HAIDIAN, null),
                        new UnitDeactivated("u", null))
                .when(new RenameUnit("u", "新名"))
                .expectException(UnitAlreadyDeactivated.class)
                .expectNoEvents();
    }

    @Test
    void deactivating() {
        fixture.given(new UnitRegistered("u", "旧名", PRACTICE_CENTER, HAIDIAN, null))
                .when(new DeactivateUnit("u", "撤并"))
                .expectEventsMatching(exactSequenceOf(predicate(
                        m -> m.getPayload().equals(new UnitDeactivated("u", "撤并")))));
    }

    @Test
    void deactivatingTwiceIsANoOp() {
        fixture.given(new UnitRegistered("u", "旧名", PRACTICE_CENTER, HAIDIAN, null),
                        new UnitDeactivated("u", null))
                .when(new DeactivateUnit("u", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nothingHappensToAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(new RenameUnit("ghost", "名"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterASecondUnitOfTheSameNameUnderOneParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("i2", "学院路街道 实践所", PRACTICE_INSTITUTE, HAIDIAN, "center"))
                .expectException(UnitNameTaken.class)
                .expectExceptionMessage("单位名称「学院路街道 实践所」已被上级单位「海淀区新时代文明实践中心」下的另一个单位使用"
                        + "(学院路街道实践所,编号 inst);同一上级单位下的单位名称不能重复,请换一个名称")
                .expectNoEvents();
    }

    @Test
    void theSameNameUnderAnotherParentOrOfADeactivatedUnitIsFree() {
        others.unit("inst2", new UnitRegistered("inst2", "清河街道实践所", PRACTICE_INSTITUTE, HAIDIAN, "center"))
                .unit("st1", new UnitRegistered("st1", "社区实践站", PRACTICE_STATION, HAIDIAN, "inst2"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("st2", "社区实践站", PRACTICE_STATION, HAIDIAN, "inst"))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("o2", "旧实践所", PRACTICE_INSTITUTE, HAIDIAN, "center"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void topLevelUnitsOfOneDistrictAreSiblings() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("c2", "海淀区新时代文明实践中心", PRACTICE_CENTER, HAIDIAN, null))
                .expectException(UnitNameTaken.class)
                .expectExceptionMessage(predicate((String m) -> m.contains("已被海淀区的另一个顶级单位使用")));
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("c3", "海淀区新时代文明实践中心", PRACTICE_CENTER, "朝阳区", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aUnitRegisteredByThisProcessHoldsItsNameAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("s1", "甲社区实践站", PRACTICE_STATION, HAIDIAN, "inst"))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit("s2", "甲社区实践站", PRACTICE_STATION, HAIDIAN, "inst"))
                .expectException(UnitNameTaken.class)
                .expectNoEvents();
    }

    @Test
    void cannotRenameOntoASiblingsName() {
        fixture.given(new UnitRegistered("u", "某实践所", PRACTICE_INSTITUTE, HAIDIAN, "center"))
                .when(new RenameUnit("u", "学院路街道实践所"))
                .expectException(UnitNameTaken.class)
                .expectExceptionMessage(predicate((String m) -> m.contains("上级单位「海淀区新时代文明实践中心」")))
                .expectNoEvents();
    }

    @Test
    void theNamesAreReadAheadOnceTheApplicationIsUp() {
        UnitNames fresh = new UnitNames(others.store());
        assertThat(fresh.known()).isZero();
        fresh.warmUp();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> fresh.known() == 3);
    }
}
