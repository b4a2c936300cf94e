package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Waits on what the server says about a running keel wal stream (pg_stat_replication), failing with the receiver's output. */
final class Receivers {
    static final String STREAMING = "state = 'streaming'";
    static final String SYNCHRONOUS = "sync_state = 'sync'";
    /** keel has flushed everything the server has written. */
    static final String CAUGHT_UP = "flush_lsn >= pg_current_wal_lsn()";

    private Receivers() {}

    /** Until {@code condition} holds for the standby named {@code applicationName}; fails if the receiver dies or a minute passes. */
    static void await(String jdbcUrl, String applicationName, String condition, JavaProcess stream) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                    PreparedStatement s = c.prepareStatement(
                            "select " + condition + " from pg_stat_replication where application_name = ?")) {
                s.setString(1, applicationName);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
            }
            assertThat(stream.isAlive()).as(stream.stderr()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError(applicationName + " never reached " + condition + ": " + stream.stderr());
    }
}
