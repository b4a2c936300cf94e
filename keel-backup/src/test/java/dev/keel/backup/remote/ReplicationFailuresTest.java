package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ReplicationFailuresTest {
    private static final ReplicationTarget TARGET =
            new ReplicationTarget("db.internal", 5432, "Backup", "hunter2", SslMode.PREFER, null);

    private static KeelException connecting(String code, String message) {
        return ReplicationFailures.connecting(
                TARGET, "10.0.0.7", new ServerErrorException(new ServerError("FATAL", code, message, null, null)));
    }

    @Test
    void aWrongPasswordIsExit3AndNeverShowsIt() {
        KeelException e = connecting("28P01", "password authentication failed for user \"Backup\"");

        assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(e.code()).isEqualTo(CoreError.AUTHENTICATION_FAILED);
        assertThat(e.getMessage())
                .contains("password authentication failed")
                .contains("~/.pgpass")
                .doesNotContain("hunter2");
    }

    @Test
    void aRoleWithoutReplicationGetsTheStatementAndTheHbaLine() {
        KeelException e = connecting("42501", "must be superuser or replication role to start walsender");

        assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(e.code()).isEqualTo(BackupError.REPLICATION_REFUSED);
        assertThat(e.what()).contains("lacks the REPLICATION attribute");
        assertThat(e.todo())
                .contains("ALTER ROLE \"Backup\" WITH REPLICATION")
                .contains("host replication \"Backup\" 10.0.0.7/32 scram-sha-256");
    }

    @Test
    void aMissingHbaLineGetsTheLine() {
        KeelException e = connecting(
                "28000",
                "no pg_hba.conf entry for replication connection from host \"10.0.0.7\", user \"Backup\", no encryption");

        assertThat(e.todo())
                .isEqualTo(
                        "add 'host replication \"Backup\" 10.0.0.7/32 scram-sha-256' to pg_hba.conf and reload the server");
    }

    @Test
    void aRefusedConnectionSaysSo() {
        KeelException e = ReplicationFailures.connecting(TARGET, null, new ConnectException("Connection refused"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(e.code()).isEqualTo(CoreError.DATABASE_UNREACHABLE);
        assertThat(e.what()).endsWith("connection refused");
    }

    @Test
    void aFailureDuringTheBackupIsAnOperationFailureWithTheServersReason() {
        KeelException e = ReplicationFailures.during(
                "BASE_BACKUP",
                TARGET,
                new ServerErrorException(new ServerError(
                        "ERROR", "58P01", "requested WAL segment has already been removed", null, null)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.OPERATION);
        assertThat(e.code()).isEqualTo(BackupError.STREAM_BACKUP_FAILED);
        assertThat(e.what())
                .isEqualTo("BASE_BACKUP on db.internal:5432 failed: requested WAL segment has already been removed");
        assertThat(ReplicationFailures.during("BASE_BACKUP", TARGET, new IOException("Connection reset"))
                        .what())
                .contains("broke off");
    }
}
