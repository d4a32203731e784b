package com.campaigntracker.shared.campaign;

/** Lifecycle of a campaign: launched (open for reports), then closed or cancelled for good. */
public enum CampaignStatus {
    ACTIVE, CLOSED, CANCELLED
}
