package dev.keel.backup.remote;

import dev.keel.backup.base.ServerFacts;
import java.io.IOException;
import java.util.Locale;

/**
 * What a backup must know about the server, asked over the replication connection itself, which
 * accepts no SQL: IDENTIFY_SYSTEM for the system identifier, SHOW for settings, and the parameters
 * the server reported at start-up for its version and whether it is a standby.
 */
final class RemoteServerFacts {
    private RemoteServerFacts() {}

    static ServerFacts read(ReplicationConnection connection) throws IOException {
        QueryResult system = connection.query("IDENTIFY_SYSTEM");
        String version = connection.parameter("server_version");
        String versionNum =
                connection.query("SHOW server_version_num").rows().get(0).get(0);
        String segmentSize =
                connection.query("SHOW wal_segment_size").rows().get(0).get(0);
        // in_hot_standby is reported from PostgreSQL 14 on; older servers are refused before it matters.
        boolean standby = "on".equals(connection.parameter("in_hot_standby"));
        return new ServerFacts(
                version, Integer.parseInt(versionNum.strip()), system.first("systemid"), bytes(segmentSize), standby);
    }

    /** SHOW's rendering of a size ("16MB", "1GB", "512kB") in bytes. */
    static long bytes(String shown) {
        String text = shown.strip();
        int unit = 0;
        while (unit < text.length() && Character.isDigit(text.charAt(unit))) {
            unit++;
        }
        long number = Long.parseLong(text.substring(0, unit));
        return switch (text.substring(unit).strip().toUpperCase(Locale.ROOT)) {
            case "", "B" -> number;
            case "KB" -> number * 1024;
            case "MB" -> number * 1024 * 1024;
            case "GB" -> number * 1024 * 1024 * 1024;
            case "TB" -> number * 1024L * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("'" + shown + "' is not a size");
        };
    }
}
