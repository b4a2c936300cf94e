package dev.keel.backup.base;

import java.sql.Connection;

/** Opens connections to the server being backed up. */
@FunctionalInterface
public interface DatabaseOpener {
    /** @param database null for the configured database */
    Connection open(String database);
}
