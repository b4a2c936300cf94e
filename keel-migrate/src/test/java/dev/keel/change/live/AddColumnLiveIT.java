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
 * add_column of a NOT NULL column with a default and an {@code up} expression under live load: the old version
 * writes note and never sees the new column, the new version writes note_length; the backfill and the old version's
 * writes fill it from note.
 */
@WithPostgres
@WithSeededRandom
class AddColumnLiveIT {
    private static final String CHANGE = "operations:\n  - add_column: {table: orders, column: {name: note_length,"
            + " type: int, default: \"0\", nullable: false}, up: \"coalesce(length(note), 0)\"}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .backfilling()
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("orders", "id", "note_length", ValueSource.integer()))
            .compare("select id, note from orders order by id");

    @Test
    void bothVersionsRunThroughStartBackfillAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders"))
                .isEqualTo("id bigint not null, note text, amount integer not null, note_length integer not null");
        assertThat(change.query("select count(*) from orders where note_length > 0 and note_length = length(note)"))
                .as("rows the backfill or the old version's writes filled from note")
                .isNotEqualTo("0");
    }

    @Test
    void bothVersionsRunThroughStartBackfillAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, note text, amount integer not null");
    }
}
