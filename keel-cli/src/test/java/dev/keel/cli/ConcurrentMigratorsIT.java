package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight keel processes migrate the same database at once: each migration is applied exactly once and all succeed. */
@WithPostgres(settings = "max_connections=100")
class ConcurrentMigratorsIT {
    private static final int PROCESSES = 8;
    private static final int MIGRATIONS = 50;

    @Test
    void eightProcessesApplyFiftyMigrationsExactlyOnce(TestCluster cluster, @TempDir Path dir) {
        String db = cluster.createDatabase();
        TestProject project = TestProject.in(dir);
        for (int i = 1; i <= MIGRATIONS; i++) {
            // Not idempotent on purpose: applying any migration twice fails.
            project.migration(
                    "V" + i + "__step_" + i + ".sql",
                    "create table t_" + i + " (id bigint primary key, note text);\ninsert into t_" + i + " values (" + i
                            + ", 'once');");
        }
        List<JavaProcess> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            processes.add(Cli.start(dir, Map.of(), "--url", cluster.jdbcUrl(db), "migrate"));
        }
        int applied = 0;
        Pattern count = Pattern.compile("Applied (\\d+) migration");
        for (JavaProcess process : processes) {
            assertThat(process.waitFor(300)).as(process.stderr()).isZero();
            Matcher m = count.matcher(process.stdout());
            if (m.find()) {
                applied += Integer.parseInt(m.group(1));
            } else {
                assertThat(process.stdout()).contains("Nothing to migrate");
            }
        }
        assertThat(applied).isEqualTo(MIGRATIONS);
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history where success"))
                .isEqualTo(String.valueOf(MIGRATIONS));
        assertThat(cluster.queryString(db, "select count(distinct version) from keel.schema_history"))
                .isEqualTo(String.valueOf(MIGRATIONS));
        assertThat(cluster.queryString(db, "select count(*) from pg_tables where tablename like 't\\_%'"))
                .isEqualTo(String.valueOf(MIGRATIONS));
    }
}
