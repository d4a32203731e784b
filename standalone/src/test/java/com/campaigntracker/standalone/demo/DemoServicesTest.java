package com.campaigntracker.standalone.demo;

import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.service.OrderState;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import com.campaigntracker.standalone.TrackerApplication;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's 服务菜单 and orders go through the real write model: every project is published, every order ends in
 * the state the demo means, and together they stand in every state.
 */
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoServicesTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("demo-services-").toString();
        registry.add("tracker.data-dir", () -> dir);
        registry.add("tracker.demo", () -> "true");
    }

    @Autowired
    EventStore events;

    @Test
    void theDemoOrdersStandInEveryStateAndEachEndsWhereTheDemoMeansIt() {
        DemoServices services = DemoServices.build(TODAY);
        assertThat(services.orders().stream().map(DemoServices.Order::expected).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(OrderState.class));
        Map<String, OrderState> reached = new LinkedHashMap<>();
        Map<String, OrderState> meant = new LinkedHashMap<>();
        for (DemoServices.Order o : services.orders()) {
            List<? extends DomainEventMessage<?>> stream = events.readEvents(o.id()).asStream().toList();
            reached.put(o.id(), stream.isEmpty() ? null
                    : ((ServiceOrderEvent) stream.get(stream.size() - 1).getPayload()).state());
            meant.put(o.id(), o.expected());
        }
        assertThat(reached).isEqualTo(meant);
        for (DemoServices.Project p : services.projects()) {
            assertThat(events.lastSequenceNumberFor(p.id())).as(p.id()).isPresent();
        }
        assertThat(events.readEvents("yq-mzj-07").asStream().map(DomainEventMessage::getPayload))
                .hasAtLeastOneElementOfType(ServiceProjectWithdrawn.class);
    }

    @Test
    void theMenuHasTheSeedsProjectsInListedCategories() {
        DemoServices services = DemoServices.build(TODAY);
        Set<String> categories = services.projects().stream().map(DemoServices.Project::category)
                .collect(Collectors.toSet());
        assertThat(ServiceOrderProperties.DEFAULT_CATEGORIES).containsAll(categories);
        assertThat(services.projects()).filteredOn(p -> p.providerId().equals(DemoServices.MINZHENG)).hasSize(17);
        assertThat(services.projects()).extracting(DemoServices.Project::title)
                .anyMatch(t -> t.contains("夕阳再晨")).anyMatch(t -> t.contains("八送六代"))
                .anyMatch(t -> t.contains("消杀"));
    }
}
