package com.campaigntracker.command;

/** What a command did: appended an event, or nothing because it repeated an accepted command. */
public enum Outcome {
    CHANGED, UNCHANGED
}
