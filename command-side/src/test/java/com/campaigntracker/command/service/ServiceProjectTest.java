package com.campaigntracker.command.service;

import com.campaigntracker.command.OtherStreams;
import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.campaign.CampaignNotActive;
import com.campaigntracker.command.campaign.CampaignNotFound;
import com.campaigntracker.command.rules.CommandValidation;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.unit.NotYourUnit;
import com.campaigntracker.command.unit.UnitInactive;
import com.campaigntracker.command.unit.UnitNotFound;
import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.service.ServiceCommands.PublishServiceProject;
import com.campaigntracker.shared.service.ServiceCommands.ReviseServiceProject;
import com.campaigntracker.shared.service.ServiceCommands.WithdrawServiceProject;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectRevised;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.campaigntracker.command.service.ServiceFixtures.CAMPAIGN;
import static com.campaigntracker.command.service.ServiceFixtures.CENTER;
import static com.campaigntracker.command.service.ServiceFixtures.CLOSED_CAMPAIGN;
import static com.campaigntracker.command.service.ServiceFixtures.GONE;
import static com.campaigntracker.command.service.ServiceFixtures.LANTIAN;
import static com.campaigntracker.command.service.ServiceFixtures.XIYANG;
import static com.campaigntracker.command.service.ServiceFixtures.ZHAN;
import static com.campaigntracker.command.service.ServiceFixtures.unitAccount;

class ServiceProjectTest {
    private static final String P = "keji-zhulao-2";

    private FixtureConfiguration<ServiceProject> fixture;
    private final ServiceOrderProperties settings = new ServiceOrderProperties();

    @BeforeEach
    void setUp() {
        OtherStreams others = ServiceFixtures.network();
        fixture = new AggregateTestFixture<>(ServiceProject.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation());
        fixture.registerInjectableResource(others.units());
        fixture.registerInjectableResource(others.campaigns());
        fixture.registerInjectableResource(settings);
    }

    private static PublishServiceProject publish(String provider, String category, List<String> districts,
                                                 String campaignId) {
        return new PublishServiceProject(P, "科技助老:智能手机使用培训", category, "教老年人使用智能手机", provider,
                districts, 5, campaignId);
    }

    private static ServiceProjectPublished published() {
        return new ServiceProjectPublished(P, "科技助老:智能手机使用培训", "助老助残", "教老年人使用智能手机", XIYANG,
                "海淀区", List.of("海淀区", "西城区"), 5, CAMPAIGN);
    }

    private static ReviseServiceProject revise(String provider, Integer capacity) {
        return new ReviseServiceProject(P, "科技助老:智能手机使用培训", "助老助残", "教老年人使用智能手机", provider,
                List.of("海淀区", "西城区"), capacity, CAMPAIGN);
    }

    @Test
    void publishingAProjectPutsItOnTheMenuWithItsProvidersDistrictAndEachDistrictOnce() {
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "助老助残", List.of("海淀区", "西城区", "海淀区"), CAMPAIGN))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(published());
    }

    @Test
    void publishingTheSameProjectAgainIsANoOp() {
        fixture.given(published())
                .when(publish(XIYANG, "助老助残", List.of("海淀区", "西城区"), CAMPAIGN))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void publishingOtherContentUnderATakenIdIsAConflict() {
        fixture.given(published())
                .when(publish(XIYANG, "科普", List.of("海淀区"), CAMPAIGN))
                .expectException(ServiceProjectIdConflict.class)
                .expectNoEvents();
    }

    @Test
    void aStationDoesNotProvideServices() {
        fixture.givenNoPriorActivity()
                .when(publish(ZHAN, "助老助残", List.of("海淀区"), null))
                .expectException(UnitCannotProvide.class)
                .expectExceptionMessage("服务单位所指的单位 hd-zhan 是实践站,只有实践中心、实践所、实践基地、志愿服务队和区直单位可以提供服务")
                .expectNoEvents();
    }

    @Test
    void anInactiveProviderCannotPublish() {
        fixture.givenNoPriorActivity()
                .when(publish(GONE, "助老助残", List.of("海淀区"), null))
                .expectException(UnitInactive.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownProviderIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(publish("nobody", "助老助残", List.of("海淀区"), null))
                .expectException(UnitNotFound.class)
                .expectNoEvents();
    }

    @Test
    void aCategoryOutsideTheConfiguredListIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "美容美发", List.of("海淀区"), null))
                .expectException(UnknownServiceCategory.class)
                .expectExceptionMessage("类别“美容美发”不在服务类别目录中,可选: 理论宣讲、健康促进、科普、法律、文化文艺、助老助残、环境卫生、其他")
                .expectNoEvents();
    }

    @Test
    void aConfiguredCategoryIsAccepted() {
        settings.setCategories(List.of("美容美发"));
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "美容美发", List.of("海淀区"), null))
                .expectEvents(new ServiceProjectPublished(P, "科技助老:智能手机使用培训", "美容美发", "教老年人使用智能手机",
                        XIYANG, "海淀区", List.of("海淀区"), 5, null));
    }

    @Test
    void aProjectLinksOnlyToAnExistingActiveCampaign() {
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "助老助残", List.of("海淀区"), "no-such-campaign"))
                .expectException(CampaignNotFound.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "助老助残", List.of("海淀区"), CLOSED_CAMPAIGN))
                .expectException(CampaignNotActive.class)
                .expectNoEvents();
    }

    @Test
    void theCentreAboveATeamPublishesForIt() {
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "助老助残", List.of("海淀区", "西城区"), CAMPAIGN), unitAccount(CENTER))
                .expectEvents(published());
    }

    @Test
    void aUnitAccountCannotPublishForAnotherUnit() {
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "助老助残", List.of("海淀区"), null), unitAccount(LANTIAN))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void aProjectServesAtLeastOneDistrict() {
        fixture.givenNoPriorActivity()
                .when(publish(XIYANG, "助老助残", List.of(), null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("服务区域不能为空")
                .expectNoEvents();
    }

    @Test
    void revisingReplacesTheContent() {
        fixture.given(published())
                .when(revise(XIYANG, 8))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(new ServiceProjectRevised(P, "科技助老:智能手机使用培训", "助老助残", "教老年人使用智能手机",
                        XIYANG, "海淀区", List.of("海淀区", "西城区"), 8, CAMPAIGN));
    }

    @Test
    void revisingToAnotherProviderNamesItsDistrict() {
        fixture.given(published())
                .when(revise(LANTIAN, 5))
                .expectEvents(new ServiceProjectRevised(P, "科技助老:智能手机使用培训", "助老助残", "教老年人使用智能手机",
                        LANTIAN, "密云区", List.of("海淀区", "西城区"), 5, CAMPAIGN));
    }

    @Test
    void anUnchangedRevisionIsANoOp() {
        fixture.given(published())
                .when(revise(XIYANG, 5))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnProjectIsNotRevised() {
        fixture.given(published(), new ServiceProjectWithdrawn(P, "停止"))
                .when(revise(XIYANG, 8))
                .expectException(ServiceProjectNotOnMenu.class)
                .expectExceptionMessage("服务项目 " + P + " 已下架,不能再修订或点单")
                .expectNoEvents();
    }

    @Test
    void anotherUnitCannotReviseTheProject() {
        fixture.given(published())
                .when(revise(XIYANG, 8), unitAccount(LANTIAN))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }

    @Test
    void revisingAnUnknownProjectIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(revise(XIYANG, 8))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void withdrawingTakesTheProjectOffTheMenuOnce() {
        fixture.given(published())
                .when(new WithdrawServiceProject(P, "队伍调整"), unitAccount(XIYANG))
                .expectResultMessagePayload(Outcome.CHANGED)
                .expectEvents(new ServiceProjectWithdrawn(P, "队伍调整"));
        fixture.given(published(), new ServiceProjectWithdrawn(P, "队伍调整"))
                .when(new WithdrawServiceProject(P, "队伍调整"))
                .expectResultMessagePayload(Outcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void anotherUnitCannotWithdrawTheProject() {
        fixture.given(published())
                .when(new WithdrawServiceProject(P, "不要了"), unitAccount(ZHAN))
                .expectException(NotYourUnit.class)
                .expectNoEvents();
    }
}
