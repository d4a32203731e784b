package com.campaigntracker.command.service;

import com.campaigntracker.command.FoldingLookup;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Projects for the order rules (on the menu? which category, provider, districts, campaign?). */
@Component
public class ServiceProjectLookup extends FoldingLookup<ServiceProjectState> {

    @Autowired
    public ServiceProjectLookup(EventStore eventStore,
                                @Value("${tracker.command.lookup-cache-size:" + DEFAULT_MAX_ENTRIES + "}")
                                long maxEntries) {
        super(eventStore, maxEntries);
    }

    public ServiceProjectLookup(EventStore eventStore) {
        this(eventStore, DEFAULT_MAX_ENTRIES);
    }

    public ServiceProjectState require(String field, String projectId) {
        return find(projectId).orElseThrow(() -> new ServiceProjectNotFound(field, projectId));
    }

    @Override
    protected ServiceProjectState apply(ServiceProjectState state, Object payload) {
        return payload instanceof ServiceProjectEvent event ? ServiceProjectState.fold(state, event) : state;
    }
}
