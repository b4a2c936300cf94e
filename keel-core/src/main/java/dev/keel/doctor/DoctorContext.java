package dev.keel.doctor;

import java.sql.Connection;

/**
 * What a check may use: one connection (autocommit, with the doctor's statement timeout), the
 * server's version, and keel's schema for the checks that read keel's own state.
 *
 * @param serverVersion as in server_version_num, e.g. 150004
 */
public record DoctorContext(Connection connection, int serverVersion, String keelSchema) {

    public int majorVersion() {
        return serverVersion / 10_000;
    }
}
