package dev.keel.backup.replica;

/**
 * What {@code keel replica create} made; the JSON of {@code --json}.
 *
 * @param name the standby's application_name, as pg_stat_replication and keel replica list show it
 * @param backupId the backup it was restored from; null when streamed
 * @param slot null when it streams without a slot
 * @param slotCreated false when an unused slot of that name was taken over
 * @param restoreCommand whether the repository is its restore_command fallback
 * @param port, url set when it was started
 * @param replayLsn where it had replayed to when it first streamed; null when not started
 */
public record ReplicaCreateResult(
        String name,
        String targetDir,
        String source,
        String backupId,
        String primary,
        String slot,
        boolean slotCreated,
        boolean restoreCommand,
        int postgresMajorVersion,
        String binDir,
        boolean running,
        Integer port,
        String url,
        String replayLsn,
        long millis) {}
