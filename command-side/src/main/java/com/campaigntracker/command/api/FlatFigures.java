package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.shared.activity.Figures;

/** The figures the requests carry flat (an activity, a completion report), each one required. */
public final class FlatFigures {
    private FlatFigures() {
    }

    public static Figures of(Integer sessions, Integer participations, Double serviceHours, Integer beneficiaries) {
        if (sessions == null) {
            throw InvalidField.missing("sessions");
        }
        if (participations == null) {
            throw InvalidField.missing("participations");
        }
        if (serviceHours == null) {
            throw InvalidField.missing("serviceHours");
        }
        if (beneficiaries == null) {
            throw InvalidField.missing("beneficiaries");
        }
        return new Figures(sessions, participations, serviceHours, beneficiaries);
    }
}
