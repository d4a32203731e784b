package com.campaigntracker.eventstore;

import java.time.ZoneOffset;
import org.threeten.extra.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class UpcasterTest {
    @TempDir
    Path dir;

    /** The shape written by an old release. */
    record HoursLogged(String unitId, double hours) {
    }

    /** Today's shape: renamed field, exact decimal, a new field. */
    record HoursLoggedV2(String unitId, BigDecimal serviceHours, String source) {
    }

    static final class HoursLoggedUpcaster extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(HoursLogged.class.getName())
                    && representation.getType().getRevision() == null;
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(HoursLoggedV2.class.getName(), "2"),
                                                JsonNode.class, node -> {
                        ObjectNode upcast = ((ObjectNode) node).deepCopy();
                        upcast.set("serviceHours", upcast.remove("hours"));
                        upcast.put("source", "upcast");
                        return upcast;
                    });
        }
    }

    @Test
    void oldPayloadsAreReadIntoTheNewShape() {
        try (TestStore store = new TestStore(dir)) {
            MutableClock clock = MutableClock.of(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
            TrackerEventStorageEngine old = store.engine(clock, NoOpEventUpcaster.INSTANCE, b -> b);
            old.appendEvents(new GenericDomainEventMessage<>("Unit", "u1", 0, new HoursLogged("u1", 2.5)),
                             new GenericDomainEventMessage<>("Unit", "u1", 1, new HoursLogged("u1", 4.0)));

            TrackerEventStorageEngine current = store.engine(clock, new HoursLoggedUpcaster(), b -> b);
            List<? extends DomainEventMessage<?>> stream = current.readEvents("u1").asStream().toList();
            assertThat(stream.stream().map(e -> (Object) e.getPayload()).toList())
                              .containsExactly(new HoursLoggedV2("u1", new BigDecimal("2.5"), "upcast"),
                                               new HoursLoggedV2("u1", new BigDecimal("4.0"), "upcast"));
            List<TrackedEventMessage<?>> tracked = current.readEvents(null, false).collect(Collectors.toList());
            assertThat(tracked.stream().map(e -> (Object) e.getPayloadType()).toList())
                               .containsOnly(HoursLoggedV2.class);
        }
    }
}
