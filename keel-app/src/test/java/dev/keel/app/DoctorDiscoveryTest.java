package dev.keel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.doctor.Doctor;
import dev.keel.doctor.DoctorCheck;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each module contributes its doctor checks; the doctor runs what the class path holds, nothing wired by hand. */
class DoctorDiscoveryTest {
    @TempDir
    Path dir;

    private KeelYaml config(String yaml) throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), yaml);
        return ConfigLoader.load(dir, null, Map.of());
    }

    @Test
    void everyModuleContributesItsChecksInModuleOrder() throws IOException {
        Doctor doctor = Doctor.forProject(config("backup:\n  repository: file:///tmp/nowhere\n"), Map.of());
        assertThat(doctor.checks())
                .extracting(DoctorCheck::id)
                .startsWith("blocking-chains")
                .containsSubsequence("replication-lag", "pending-migrations", "backup-targets")
                .doesNotHaveDuplicates();
    }

    @Test
    void backupTargetsOnlyWhenARepositoryIsConfigured() throws IOException {
        Doctor doctor = Doctor.forProject(config("schema: keel\n"), Map.of());
        assertThat(doctor.checks())
                .extracting(DoctorCheck::id)
                .contains("pending-migrations")
                .doesNotContain("backup-targets");
    }

    @Test
    void thresholdsFromKeelYamlReachTheDiscoveredChecks() throws IOException {
        Doctor doctor = Doctor.forProject(
                config("doctor:\n  thresholds:\n    table-bloat:\n      bloatShare: 0.7\n"), Map.of());
        DoctorCheck bloat = doctor.checks().stream()
                .filter(c -> c.id().equals("table-bloat"))
                .findFirst()
                .orElseThrow();
        assertThat(bloat.toString()).contains("0.7");
    }

    @Test
    void backupTargetsRefusesThresholds() throws IOException {
        KeelYaml config = config(
                "backup:\n  repository: file:///tmp/nowhere\ndoctor:\n  thresholds:\n    backup-targets:\n      rpo: 5m\n");
        assertThatThrownBy(() -> Doctor.forProject(config, Map.of())).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("set backup.rpo and backup.rto");
        });
    }
}
