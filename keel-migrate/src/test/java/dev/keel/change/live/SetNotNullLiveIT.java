package dev.keel.change.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.WithSeededRandom;
import dev.keel.testing.live.ShapeSql;
import dev.keel.testing.live.ValueSource;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * alter_column setting NOT NULL under live load: the new version reads and writes the NOT NULL copy of note, which
 * {@code up} fills with 'none' where the old column is NULL; complete validates the check and sets NOT NULL without
 * a long lock.
 */
@WithPostgres
@WithSeededRandom
class SetNotNullLiveIT {
    private static final String CHANGE = "operations:\n  - alter_column: {table: orders, column: note, nullable: false,"
            + " up: \"coalesce(note, 'none')\"}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .backfilling()
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()))
            .compare(
                    "select id, coalesce(note, 'none') from orders order by id",
                    "select id, note from orders order by id");

    @Test
    void bothVersionsRunThroughStartBackfillAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders"))
                .isEqualTo("id bigint not null, amount integer not null, note text not null");
        assertThat(change.query("select count(*) from orders where note = 'none'"))
                .as("rows whose NULL the backfill replaced")
                .isNotEqualTo("0");
    }

    @Test
    void bothVersionsRunThroughStartBackfillAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, note text, amount integer not null");
    }
}
