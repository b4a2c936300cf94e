package dev.keel.migrate;

/** How a history row came to be. */
public enum MigrationType {
    VERSIONED,
    REPEATABLE,
    /** Marks the version an existing database starts from; migrations up to it are never run. */
    BASELINE,
    /** A zero-downtime change file (V…__….yaml); its history row carries the change's phase. */
    CHANGE
}
