package dev.keel.doctor;

import dev.keel.stats.StatsVisibility;
import java.sql.Connection;

/**
 * What a check may use: one connection (autocommit, with the doctor's statement timeout), the
 * server's version, keel's schema for the checks that read keel's own state, and whether the role
 * sees every role's sessions and statements.
 *
 * @param serverVersion as in server_version_num, e.g. 150004
 */
public record DoctorContext(Connection connection, int serverVersion, String keelSchema, StatsVisibility visibility) {

    public DoctorContext {
        visibility = visibility == null ? StatsVisibility.UNKNOWN : visibility;
    }

    public DoctorContext(Connection connection, int serverVersion, String keelSchema) {
        this(connection, serverVersion, keelSchema, null);
    }

    public int majorVersion() {
        return serverVersion / 10_000;
    }
}
