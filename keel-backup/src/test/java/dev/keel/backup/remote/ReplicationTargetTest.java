package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.connect.TargetParser;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationTargetTest {
    @TempDir
    Path dir;

    private ReplicationTarget target(String url, String password) {
        return ReplicationTarget.from(
                TargetParser.parse(url, null, password, "--url"),
                Map.of("PGPASSFILE", dir.resolve("none").toString()));
    }

    @Test
    void hostPortUserAndPasswordComeFromTheSameUrlAsJdbc() {
        ReplicationTarget t = target("postgresql://backup:p%40ss@db.internal:6432/shop?sslmode=require", null);

        assertThat(t.host()).isEqualTo("db.internal");
        assertThat(t.port()).isEqualTo(6432);
        assertThat(t.user()).isEqualTo("backup");
        assertThat(t.password()).isEqualTo("p@ss");
        assertThat(t.sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void sslModeFollowsPgjdbc() {
        assertThat(target("jdbc:postgresql://h/db?user=u", null).sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(target("jdbc:postgresql://h/db?user=u&ssl=true", null).sslMode())
                .isEqualTo(SslMode.VERIFY_FULL);
        assertThat(target("jdbc:postgresql://h/db?user=u&sslmode=verify-ca&sslrootcert=/etc/ca.pem", null)
                        .sslRootCert())
                .isEqualTo(Path.of("/etc/ca.pem"));
        assertThatThrownBy(() -> target("jdbc:postgresql://h/db?user=u&sslmode=sometimes", null))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aConfiguredPasswordWinsAndPgpassAnswersOtherwiseForReplication() throws IOException {
        Path pass = dir.resolve("pgpass");
        Files.writeString(pass, "h:5432:replication:u:from-pgpass\n");
        Map<String, String> env = Map.of("PGPASSFILE", pass.toString());

        assertThat(ReplicationTarget.from(
                                TargetParser.parse("jdbc:postgresql://h:5432/db?user=u", null, null, "--url"), env)
                        .password())
                .isEqualTo("from-pgpass");
        assertThat(ReplicationTarget.from(
                                TargetParser.parse("jdbc:postgresql://h:5432/db?user=u", null, "given", "--url"), env)
                        .password())
                .isEqualTo("given");
    }

    @Test
    void thePasswordNeverShows() {
        assertThat(target("postgresql://backup:hunter2@h/db", null).toString())
                .doesNotContain("hunter2")
                .contains("****");
    }
}
