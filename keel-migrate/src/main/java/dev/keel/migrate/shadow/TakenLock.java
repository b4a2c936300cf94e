package dev.keel.migrate.shadow;

import dev.keel.sql.LockMode;

/** One lock a statement was seen holding (or waiting for, which it then takes) on one relation. */
public record TakenLock(RelationName relation, LockMode mode) {}
