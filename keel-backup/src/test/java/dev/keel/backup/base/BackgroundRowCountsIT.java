package dev.keel.backup.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

@WithPostgres
class BackgroundRowCountsIT {
    @Test
    void theCountsTakenInTheBackgroundAreTheCountsTakenInPlace(TestCluster cluster) {
        String db = cluster.createDatabase();
        cluster.execute(db, "create table a (id int); insert into a select generate_series(1, 7);");
        DatabaseOpener opener = database -> cluster.connect(database == null ? "postgres" : database);

        BackgroundRowCounts background = BackgroundRowCounts.start(opener);

        assertThat(background.get()).isEqualTo(TableRowCounts.count(opener)).containsEntry(db + ".public.a", 7L);
    }

    @Test
    void aCountThatFailsFailsTheCallerWithTheSameError(TestCluster cluster) {
        DatabaseOpener closed = database -> {
            Connection c = cluster.connect("postgres");
            try {
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return c;
        };

        BackgroundRowCounts background = BackgroundRowCounts.start(closed);

        assertThatThrownBy(background::get)
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("cannot list the databases");
    }
}
