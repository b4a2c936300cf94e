package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a copied data directory into a streaming standby: standby.signal, and the standby settings appended to
 * postgresql.auto.conf (read last, so they win over the primary's own configuration that came along in the copy),
 * as pg_basebackup -R does.
 *
 * @param primaryConninfo how the standby reaches the primary (libpq key=value form)
 * @param slot the physical slot on the primary; null for none
 * @param restoreCommand the repository as the fallback when the primary no longer has the WAL; null for none
 */
public record StandbyConfig(String primaryConninfo, String slot, String restoreCommand) {
    static final String MARKER = "# added by keel replica create";
    /** keel's own client authentication while it starts and watches the standby: loopback only. */
    static final String HBA_FILE = "keel-replica-hba.conf";

    public void writeInto(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("standby.signal"), "");
            Files.deleteIfExists(dataDir.resolve("recovery.signal"));
            // Debian-style primaries keep their configuration in /etc; PostgreSQL will not start without these files.
            createIfMissing(dataDir.resolve("postgresql.conf"), "# written by keel replica create\n");
            createIfMissing(dataDir.resolve("pg_ident.conf"), "");
            createIfMissing(dataDir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");
            Files.writeString(
                    dataDir.resolve(HBA_FILE),
                    "# written by keel replica create for keel's own connections while it starts the standby\n"
                            + "host all all 127.0.0.1/32 trust\n",
                    StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder("\n" + MARKER + "\n");
            settings().forEach((name, value) -> text.append(line(name, value)));
            Files.writeString(
                    dataDir.resolve("postgresql.auto.conf"),
                    text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot write the standby settings into " + dataDir + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
    }

    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("primary_conninfo", primaryConninfo);
        if (slot != null) {
            settings.put("primary_slot_name", slot);
        }
        if (restoreCommand != null) {
            settings.put("restore_command", restoreCommand);
        }
        // A backup taken for point-in-time recovery may carry recovery targets; a standby follows the primary instead.
        settings.put("recovery_target_timeline", "latest");
        // The copy came from a primary that may archive into the very repository it was restored from, or wait for
        // synchronous standbys: a standby does neither until it is promoted and configured for it.
        settings.put("archive_mode", "off");
        settings.put("synchronous_standby_names", "");
        settings.put("hot_standby", "on");
        return settings;
    }

    /**
     * libpq's key=value connection string: each value single-quoted with quotes and backslashes escaped. The password
     * goes into the file (readable by the server's user only), as pg_basebackup -R writes it, never into output.
     */
    public static String conninfo(String host, int port, String user, String password, String applicationName) {
        StringBuilder s = new StringBuilder();
        s.append("host=").append(value(host));
        s.append(" port=").append(port);
        s.append(" user=").append(value(user));
        if (password != null) {
            s.append(" password=").append(value(password));
        }
        s.append(" application_name=").append(value(applicationName));
        return s.toString();
    }

    private static String value(String v) {
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The configuration file's own quoting: PostgreSQL reads backslash escapes there too. */
    static String line(String name, String value) {
        return name + " = '" + value.replace("\\", "\\\\").replace("'", "''") + "'\n";
    }

    private static void createIfMissing(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
