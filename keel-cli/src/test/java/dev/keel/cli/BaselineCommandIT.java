package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

/** keel baseline: an existing database starts at a version. */
class BaselineCommandIT extends ProjectOnCluster {

    BaselineCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void skipsMigrationsUpToTheBaseline() {
        cluster.execute(db, "create table users (id bigint primary key)");
        assertThat(keel("baseline", "--version", "1").stdout())
                .contains("Baselined")
                .contains("version 1");
        Cli.Run run = keel("migrate");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(
                        cluster.queryString(
                                db,
                                "select string_agg(coalesce(version, 'R') || ':' || type, ',' order by installed_rank) from keel.schema_history"))
                .isEqualTo("1:BASELINE,2:VERSIONED,R:REPEATABLE");
    }

    @Test
    void refusesADatabaseWithHistory() {
        keel("migrate");
        Cli.Run run = keel("baseline", "--version", "5");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines().get(0)).contains("its history already holds");
    }

    @Test
    void needsAVersion() {
        assertThat(keel("baseline").exitCode()).isEqualTo(2);
    }
}
