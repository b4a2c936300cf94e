package dev.keel.backup.remote;

import dev.keel.backup.base.ServerFacts;
import dev.keel.config.ByteSizes;
import java.io.IOException;

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
                version,
                Integer.parseInt(versionNum.strip()),
                system.first("systemid"),
                ByteSizes.parse(segmentSize),
                standby);
    }
}
