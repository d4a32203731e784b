package com.campaigntracker.standalone;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of {@code POST /api/campaigns/{id}/activities}, as the product tests send it. */
final class ActivityBodies {
    private ActivityBodies() {
    }

    record Place(String title, String category, String site) {
    }

    /** {@code notes} only when not null. */
    static Map<String, Object> activity(String id, String unit, LocalDate date, Place place, int sessions,
                                        int participations, double serviceHours, int beneficiaries, String notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("activityId", id);
        body.put("unitId", unit);
        body.put("date", date.toString());
        body.put("title", place.title());
        body.put("category", place.category());
        body.put("site", place.site());
        body.put("sessions", sessions);
        body.put("participations", participations);
        body.put("serviceHours", serviceHours);
        body.put("beneficiaries", beneficiaries);
        if (notes != null) {
            body.put("notes", notes);
        }
        return body;
    }
}
