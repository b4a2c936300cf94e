package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {
    @Test
    void aLostOrRefusedServerIsAConnectionFailure() {
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("I/O error", "08006")))
                .isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("refused", "08001")))
                .isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("postmaster exit", "57P01")))
                .isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aPoolTimingOutOnADeadServerIsAConnectionFailure() {
        assertThat(ConnectionFailures.isConnectionFailure(new SQLTransientConnectionException("pool timed out")))
                .isTrue();
    }

    @Test
    void aCauseDeeperInTheChainCounts() {
        SQLException outer = new SQLException("wrapped", (String) null);
        outer.initCause(new SQLException("I/O error", "08006"));
        assertThat(ConnectionFailures.isConnectionFailure(outer)).isTrue();
    }

    @Test
    void anErrorInTheStatementIsNot() {
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("syntax", "42601")))
                .isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("read only", "25006")))
                .isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("no state")))
                .isFalse();
    }
}
