package dev.keel.partition.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeSettings;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's partition checks on a monthly set declared through migrate, read at several points in time. */
@WithPostgres
class PartitionDoctorChecksIT {
    private static final String CHANGE = """
            operations:
              - create_partitioned_table:
                  name: events
                  columns:
                    - {name: id, type: bigint, primary_key: true}
                    - {name: at, type: timestamptz, primary_key: true}
                  partition_by: {column: at, interval: 1 month, premake: 2, retention: 3 months}
            """;

    private final TestCluster cluster;
    private String db;

    PartitionDoctorChecksIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void declared(@TempDir Path dir) throws Exception {
        db = cluster.createDatabase();
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__events.yaml"), CHANGE);
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(ChangeSettings.DEFAULTS)
                .load();
        keel.migrate();
        keel.complete();
    }

    private List<DoctorFinding> run(DoctorCheck check) throws Exception {
        try (Connection c = cluster.connect(db)) {
            return check.run(new DoctorContext(c, 170000, "keel"));
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aSetJustDeclaredIsHealthy() throws Exception {
        Clock now = Clock.systemUTC();
        assertThat(run(new PartitionsAhead(now))).isEmpty();
        assertThat(run(new PartitionDefaultRows(now))).isEmpty();
        assertThat(run(new PartitionRetention(now))).isEmpty();
        assertThat(run(new PartitionCount())).isEmpty();
    }

    @Test
    void rowsInTheDefaultPartitionAreAFinding() throws Exception {
        cluster.execute(db, "insert into events select g, now() - interval '100 days' from generate_series(1, 3) g");

        assertThat(run(new PartitionDefaultRows())).singleElement().satisfies(f -> {
            assertThat(f.summary())
                    .isEqualTo("3 rows of public.events sit in its default partition" + " events_default");
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.runbook()).isEqualTo("docs/runbooks/partition-default-rows.md");
        });
    }

    @Test
    void maintenanceThatStoppedShowsAsMissingPartitionsAndRetentionNotApplied() throws Exception {
        Clock later = at(Instant.now().plus(Duration.ofDays(400)));

        assertThat(run(new PartitionsAhead(later))).singleElement().satisfies(f -> {
            assertThat(f.severity()).as("rows go to the default partition").isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.summary()).startsWith("public.events has 0 of the 3 partitions it keeps ready");
        });
        assertThat(run(new PartitionRetention(later)))
                .singleElement()
                .satisfies(f -> assertThat(f.summary())
                        .isEqualTo("public.events: 3 partitions past the retention of 3 months still attached"));
        cluster.execute(db, "drop table events_default");
        assertThat(run(new PartitionsAhead(later)))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL));
    }

    @Test
    void aSetNearingThePlannersComfortIsAFinding() throws Exception {
        assertThat(run(new PartitionCount(3, 4))).singleElement().satisfies(f -> {
            assertThat(f.summary()).isEqualTo("public.events has 4 partitions");
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
        });
    }
}
