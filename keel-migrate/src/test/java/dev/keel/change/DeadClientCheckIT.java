package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@WithPostgres
class DeadClientCheckIT {
    @Test
    void aChangeSessionAsksTheServerToCheckItsClient(TestCluster cluster) throws Exception {
        try (Connection c = cluster.connect()) {
            DeadClientCheck.enable(c);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("show client_connection_check_interval")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(DeadClientCheck.INTERVAL);
            }
        }
    }

    @Test
    void insideATransactionItChangesNothing(TestCluster cluster) throws Exception {
        try (Connection c = cluster.connect()) {
            c.setAutoCommit(false);
            DeadClientCheck.enable(c);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("show client_connection_check_interval")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("0");
            }
        }
    }
}
