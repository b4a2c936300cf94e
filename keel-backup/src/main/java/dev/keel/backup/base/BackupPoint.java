package dev.keel.backup.base;

/**
 * Where pg_backup_start or pg_backup_stop left the WAL.
 *
 * @param walFile the segment holding {@code lsn} (pg_walfile_name), which also names the timeline
 * @param labelFile backup_label's content; only from pg_backup_stop
 * @param tablespaceMap tablespace_map's content; only from pg_backup_stop, empty without tablespaces
 */
public record BackupPoint(String lsn, String walFile, String labelFile, String tablespaceMap) {
    public int timeline() {
        return Integer.parseUnsignedInt(walFile.substring(0, 8), 16);
    }
}
