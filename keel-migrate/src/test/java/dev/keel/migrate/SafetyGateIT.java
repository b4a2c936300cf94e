package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate runs the static checks first: an error-level finding stops it before anything is applied. */
@WithPostgres
class SafetyGateIT {
    private final TestCluster cluster;
    private String db;
    private TestProject project;
    private final List<String> warnings = new ArrayList<>();

    SafetyGateIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void existingTable(@TempDir Path dir) {
        db = cluster.createDatabase();
        cluster.execute(db, "create table orders (id bigint primary key, status text)");
        project = TestProject.in(dir).migration("V1__note.sql", "alter table orders add column note text;");
        warnings.clear();
    }

    private Keel keel() {
        return Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .listener(new MigrationListener() {
                    @Override
                    public void warn(String message) {
                        warnings.add(message);
                    }
                })
                .load();
    }

    @Test
    void anErrorLevelFindingStopsTheRunWithNothingApplied() {
        project.migration("V2__index.sql", "create index orders_status on orders (status);");
        KeelException e = MigrateIT.catchKeel(() -> keel().migrate());
        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(e.getMessage())
                .startsWith(
                        "V2__index.sql:1:1: require-concurrent-index-creation: CREATE INDEX takes a SHARE lock on orders")
                .contains("nothing was applied")
                .contains("-- keel:allow require-concurrent-index-creation <reason>");
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .isEqualTo("0");
        assertThat(
                        cluster.queryString(
                                db,
                                "select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'note'"))
                .isEqualTo("0");
    }

    @Test
    void aWaiverWithAReasonLetsItThrough() {
        project.migration(
                "V2__index.sql",
                "-- keel:allow require-concurrent-index-creation orders is empty until launch\n"
                        + "create index orders_status on orders (status);");
        assertThat(keel().migrate().count()).isEqualTo(2);
    }

    @Test
    void skipChecksAppliesAndSaysSoLoudly() {
        project.migration("V2__index.sql", "create index orders_status on orders (status);");
        MigrateResult result = keel().migrate(new MigrateOptions(null, false, false, true));
        assertThat(result.count()).isEqualTo(2);
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w)
                        .startsWith("--skip-checks: the safety checks did NOT run on 2 pending migrations"));
    }

    @Test
    void aDryRunShowsTheSameVerdict() {
        project.migration("V2__index.sql", "create index orders_status on orders (status);");
        KeelException e = MigrateIT.catchKeel(() -> keel().migrate(new MigrateOptions(null, true, false)));
        assertThat(e.getMessage()).contains("require-concurrent-index-creation");
    }

    @Test
    void migrationsOnTablesTheyCreateThemselvesPass() {
        project.migration(
                "V2__items.sql",
                "create table items (id bigint primary key, name text);\ncreate index items_name on items (name);");
        assertThat(keel().migrate().count()).isEqualTo(2);
    }

    @Test
    void theTargetsColumnTypesTellAFreeVarcharWideningFromARewrite() {
        cluster.execute(db, "alter table orders add column code varchar(20)");
        project.migration("V2__widen.sql", "alter table orders alter column code type varchar(200);");
        assertThat(keel().migrate().count()).isEqualTo(2);
        assertThat(warnings).noneMatch(w -> w.contains("changing-column-type"));

        project.migration("V3__to_int.sql", "alter table orders alter column code type bigint using code::bigint;");
        KeelException e = MigrateIT.catchKeel(() -> keel().migrate());
        assertThat(e.getMessage()).contains("V3__to_int.sql:1:").contains("changing-column-type");
    }
}
