package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeSettings;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.live.OperationHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One change file run by keel's engine under keel-testing's {@link OperationHarness}, one verb at a time, with a
 * table of 20 rows ({@code items}: id, name NOT NULL, price int, note) written as V1; the change is V2, served as
 * public_v2 beside public_v1.
 */
final class ItemsChange {
    static final String TABLE =
            "create table items (id bigserial primary key, name text not null, price int, note text);"
                    + " insert into items (name, price, note) select 'item ' || i, i, 'n' || i from generate_series(1, 20) i;";

    private ItemsChange() {}

    static OperationHarness harness(TestCluster cluster, Path dir, String change) throws IOException {
        return harness(cluster, dir, TABLE, change);
    }

    /** @param setup the whole of V1, for a change that needs other tables or rows than {@link #TABLE} */
    static OperationHarness harness(TestCluster cluster, Path dir, String setup, String change) throws IOException {
        Project project = project(cluster, dir, setup, change);
        Keel keel = project.keel();
        return project.harness()
                .verbs(
                        () -> assertThat(keel.migrate().activeChange())
                                .as("the change is active after migrate")
                                .isEqualTo("2"),
                        () -> {
                            keel.rollback();
                            assertThat(keel.status().active()).isFalse();
                        },
                        () -> {
                            keel.complete();
                            assertThat(keel.status().active()).isFalse();
                        });
    }

    /** The project with its keel, for a test that drives keel itself; the harness only queries. */
    static Project project(TestCluster cluster, Path dir, String setup, String change) throws IOException {
        String db = cluster.createDatabase();
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__setup.sql"), setup);
        Files.writeString(migrations.resolve("V2__change.yaml"), change);
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(ChangeSettings.DEFAULTS.withBatchSize(6))
                .load();
        return new Project(keel, OperationHarness.on(cluster.jdbcUrl(db)).versions("public_v1", "public_v2"));
    }

    record Project(Keel keel, OperationHarness harness) {}
}
