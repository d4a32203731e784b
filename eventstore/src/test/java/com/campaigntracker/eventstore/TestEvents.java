package com.campaigntracker.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Event shapes used by the tests (the real contract lives in the shared module). */
final class TestEvents {
    private TestEvents() {
    }

    record ActivityRecorded(String campaignId, String activityId, String unitId, LocalDate date, String title,
                            int sessions, long participations, BigDecimal serviceHours, List<String> tags) {
    }

    static DomainEventMessage<ActivityRecorded> activity(String aggregateId, long sequence) {
        ActivityRecorded payload = new ActivityRecorded(aggregateId, "act-" + sequence, "unit-" + (sequence % 7),
                                                        LocalDate.of(2024, 6, 1).plusDays(sequence % 90),
                                                        "文明路口引导行动 第" + sequence + "场", 1 + (int) (sequence % 3),
                                                        25 + sequence % 40, new BigDecimal("2.5"),
                                                        List.of("志愿服务", "交通"));
        return new GenericDomainEventMessage<>("Campaign", aggregateId, sequence, payload,
                                               MetaData.with("issuedBy", "coordinator-1").and("traceId", "t-" + sequence));
    }
}
