package dev.keel.cli;

import dev.keel.backup.BackupsConfiguration;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What restore and drill both ask of a recovery: how far, how many transfers, which binaries, which superuser. */
final class RecoveryOptions {

    @Option(
            names = "--to",
            paramLabel = "TARGET",
            defaultValue = "latest",
            description =
                    "latest (default), a timestamp with time zone (2026-01-24 10:15:00+00), an LSN (0/3000060) or a restore point name.")
    String to;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Files fetched at once (default: backup.parallel, 2).")
    Integer parallel;

    @Option(
            names = "--pg-bindir",
            paramLabel = "DIR",
            description = "PostgreSQL binaries of the backup's major version (default: found automatically).")
    Path binDir;

    @Option(
            names = "--superuser",
            paramLabel = "ROLE",
            defaultValue = "postgres",
            description = "A superuser of the backed-up cluster (default: postgres).")
    String superuser;

    RecoveryTarget target() {
        try {
            return RecoveryTarget.parse(to);
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    CoreError.COMMAND_LINE,
                    e.getMessage(),
                    "pass latest, a timestamp, an LSN or a restore point name to --to");
        }
    }

    /** These options on the backup facade; what is not given stays keel.yaml's or the facade's default. */
    BackupsConfiguration applyTo(BackupsConfiguration backups) {
        if (parallel != null) {
            backups.parallel(parallel);
        }
        if (binDir != null) {
            backups.binDir(binDir);
        }
        return backups.superuser(superuser);
    }
}
