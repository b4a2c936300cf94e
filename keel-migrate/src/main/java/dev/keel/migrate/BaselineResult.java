package dev.keel.migrate;

/** The version an existing database was marked as already being at. */
public record BaselineResult(String database, String version, String description) {}
