package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Turns a fetched backup into a cluster that recovers on start: recovery.signal, and the recovery
 * settings appended to postgresql.auto.conf (read last, so they win; what pg_basebackup -R does too).
 */
public final class RecoveryConfig {
    /** The restore's own client authentication: loopback only; the restored pg_hba.conf stays untouched. */
    public static final String HBA_FILE = "keel-restore-hba.conf";

    private RecoveryConfig() {}

    public static void write(Path dataDir, String backupId, String restoreCommand, RecoveryTarget target) {
        try {
            Files.writeString(dataDir.resolve("recovery.signal"), "");
            // Debian-style clusters keep their configuration in /etc; PostgreSQL will not start without these files.
            createIfMissing(
                    dataDir.resolve("postgresql.conf"),
                    "# written by keel restore: the backed-up server kept its configuration elsewhere\n");
            createIfMissing(dataDir.resolve("pg_ident.conf"), "");
            createIfMissing(dataDir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");
            Files.writeString(
                    dataDir.resolve(HBA_FILE),
                    "# written by keel restore for the restore's own connections: this machine only\n"
                            + "host all all 127.0.0.1/32 trust\n"
                            // keel wal stream protects a restored cluster once it is promoted: it connects in physical
                            // replication mode.
                            + "host replication all 127.0.0.1/32 trust\n",
                    StandardCharsets.UTF_8);
            StringBuilder settings = new StringBuilder("\n# added by keel restore of backup ")
                    .append(backupId)
                    .append('\n');
            settings.append(line("restore_command", restoreCommand));
            // The backed-up server may have waited for keel wal stream as a synchronous standby; the restored
            // one has none yet, and would hang every write after promotion. keel wal setup --synchronous adds keel
            // again.
            settings.append(line("synchronous_standby_names", ""));
            for (Map.Entry<String, String> e : target.settings().entrySet()) {
                settings.append(line(e.getKey(), e.getValue()));
            }
            Files.writeString(
                    dataDir.resolve("postgresql.auto.conf"),
                    settings,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot write the recovery settings into " + dataDir + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
    }

    /** Swaps the restore_command keel wrote for another, in place; PostgreSQL reads it again only at its next start. */
    public static void replaceRestoreCommand(Path dataDir, String restoreCommand) {
        Path auto = dataDir.resolve("postgresql.auto.conf");
        try {
            String text = Files.readString(auto, StandardCharsets.UTF_8);
            int marker = text.lastIndexOf("\n# added by keel restore of backup ");
            int at = text.indexOf("\nrestore_command = ", Math.max(marker, 0));
            if (marker < 0 || at < 0) {
                return;
            }
            int end = text.indexOf('\n', at + 1);
            String replaced = text.substring(0, at + 1)
                    + line("restore_command", restoreCommand)
                    + (end < 0 ? "" : text.substring(end + 1));
            Files.writeString(auto, replaced, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot update restore_command in " + auto + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
    }

    /**
     * Swaps the recovery_target_* settings keel wrote for those of {@code target}, in place: a restore
     * allowed to stop at a gap recovers again to the latest point when its target lay beyond the gap.
     */
    public static void replaceTarget(Path dataDir, RecoveryTarget target) {
        Path auto = dataDir.resolve("postgresql.auto.conf");
        try {
            String text = Files.readString(auto, StandardCharsets.UTF_8);
            int marker = text.lastIndexOf("\n# added by keel restore of backup ");
            if (marker < 0) {
                return;
            }
            StringBuilder replaced = new StringBuilder(text.substring(0, marker + 1));
            text.substring(marker + 1)
                    .lines()
                    .filter(l -> !l.startsWith("recovery_target"))
                    .forEach(l -> replaced.append(l).append('\n'));
            target.settings().forEach((name, value) -> replaced.append(line(name, value)));
            Files.writeString(auto, replaced, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot update the recovery target in " + auto + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
    }

    private static String line(String name, String value) {
        return name + " = '" + value.replace("'", "''") + "'\n";
    }

    private static void createIfMissing(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
