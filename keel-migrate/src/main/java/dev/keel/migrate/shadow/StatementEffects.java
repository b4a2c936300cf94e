package dev.keel.migrate.shadow;

import dev.keel.sql.LockMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one statement did on the shadow to relations that existed before the pending migrations.
 *
 * @param locks the strongest lock seen per table
 * @param commandTags the DDL command tags the event trigger saw (empty for DML and for statements without an event)
 * @param rewritten tables and indexes whose storage file changed
 * @param scanned tables the statement read in full
 */
public record StatementEffects(
        Map<RelationName, LockMode> locks,
        List<String> commandTags,
        List<RelationName> rewritten,
        List<RelationName> scanned,
        long millis) {

    public Optional<LockMode> lockOn(RelationName table) {
        return Optional.ofNullable(locks.get(table));
    }
}
