package com.campaigntracker.command.api;

/**
 * Marker of every command request body. Bodies of this kind are read by a strict JSON mapper
 * ({@link StrictRequestJsonConfiguration}): unknown properties, fractional or quoted numbers, numbers for
 * strings, duplicate keys and trailing content are refused with 400.
 */
public interface CommandRequest {
}
