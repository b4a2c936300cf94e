package dev.keel.backup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A replica keel made that is gone while its slot keeps WAL is a finding; a slot nobody recorded is not this check's. */
@WithPostgres
class DisconnectedReplicasIT {

    @Test
    void aGoneReplicaWhoseSlotKeepsWalIsAWarningThatNamesItsDirectory(TestCluster primary) throws Exception {
        primary.execute("postgres", "create schema if not exists keel");
        primary.execute(
                "postgres",
                "create table keel.replicas (name text primary key, slot_name text, target_dir text not null,"
                        + " made_on text not null, source text not null, created_at timestamptz not null default now())");
        primary.execute("postgres", "select pg_create_physical_replication_slot('gone_slot', true)");
        primary.execute("postgres", "select pg_create_physical_replication_slot('someone_elses', true)");
        primary.execute(
                "postgres",
                "insert into keel.replicas (name, slot_name, target_dir, made_on, source)"
                        + " values ('gone_slot', 'gone_slot', '/srv/gone', 'app-1', 'stream')");
        primary.execute("postgres", "create table filler as select g from generate_series(1, 10000) g");
        try (Connection c = primary.connect()) {
            List<DoctorFinding> findings = new DisconnectedReplicas().run(new DoctorContext(c, 150000, "keel"));
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo(DisconnectedReplicas.ID);
                assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
                assertThat(f.summary())
                        .contains("gone_slot")
                        .contains("/srv/gone")
                        .contains("retains");
                assertThat(f.evidence()).containsEntry("slot", "gone_slot");
            });
            List<DoctorFinding> critical = new DisconnectedReplicas(1).run(new DoctorContext(c, 150000, "keel"));
            assertThat(critical)
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL));
        } finally {
            primary.execute("postgres", "select pg_drop_replication_slot('gone_slot')");
            primary.execute("postgres", "select pg_drop_replication_slot('someone_elses')");
        }
    }
}
