package com.campaigntracker.command.service;

import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectRevised;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;

import java.util.List;

/**
 * A project's state, folded from its own stream: the one fold behind the {@link ServiceProject} aggregate and
 * {@link ServiceProjectLookup} (what an order may know of its project).
 */
public record ServiceProjectState(String projectId, Content content, boolean withdrawn) {

    /** What publishing and revising set, compared to tell a retry or a no-op revision from a change. */
    public record Content(String title, String category, String description, String providerUnitId,
                          List<String> districts, Integer weeklyCapacity, String campaignId) {
        public Content {
            districts = List.copyOf(districts);
        }
    }

    /**
     * The state after {@code event}.
     *
     * @param state null before the project was published
     */
    public static ServiceProjectState fold(ServiceProjectState state, ServiceProjectEvent event) {
        if (event instanceof ServiceProjectPublished e) {
            return new ServiceProjectState(e.projectId(), new Content(e.title(), e.category(), e.description(),
                    e.providerUnitId(), e.districts(), e.weeklyCapacity(), e.campaignId()), false);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof ServiceProjectRevised e) {
            return new ServiceProjectState(state.projectId, new Content(e.title(), e.category(), e.description(),
                    e.providerUnitId(), e.districts(), e.weeklyCapacity(), e.campaignId()), state.withdrawn);
        }
        if (event instanceof ServiceProjectWithdrawn) {
            return new ServiceProjectState(state.projectId, state.content, true);
        }
        throw new IllegalArgumentException("service project event not folded: " + event.getClass().getName());
    }

    /** Menu policy: a withdrawn project is neither revised nor ordered. */
    public ServiceProjectState requireOnMenu() {
        if (withdrawn) {
            throw new ServiceProjectNotOnMenu(projectId);
        }
        return this;
    }
}
