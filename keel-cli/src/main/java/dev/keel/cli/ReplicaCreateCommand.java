package dev.keel.cli;

import dev.keel.backup.replica.ReplicaCreateResult;
import dev.keel.backup.replica.ReplicaRequest;
import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "create",
        description = "Make a streaming standby of the database in a new directory: from a backup in keel's repository"
                + " (default when one is configured) or from a copy streamed from the primary (default otherwise).")
final class ReplicaCreateCommand implements Callable<Integer> {
    /** What --from-backup without an id means: the newest complete backup. */
    static final String NEWEST = "newest";

    @ParentCommand
    ReplicaCommand replica;

    @Option(
            names = "--target-dir",
            paramLabel = "DIR",
            required = true,
            description = "The standby's data directory to create (must be new or empty).")
    Path targetDir;

    @Option(
            names = "--from-backup",
            paramLabel = "ID",
            arity = "0..1",
            fallbackValue = NEWEST,
            description = "Restore this backup from the repository (without ID: the newest complete one); the"
                    + " repository stays the standby's restore_command fallback.")
    String fromBackup;

    @Option(
            names = "--stream",
            description = "Copy the data directory from the primary over the replication protocol (BASE_BACKUP).")
    boolean stream;

    @Option(names = "--start", description = "Start the standby on a free port and wait until it streams.")
    boolean start;

    @Option(
            names = "--slot",
            paramLabel = "NAME",
            description = "The physical replication slot on the primary (default: keel_replica_<directory name>).")
    String slot;

    @Option(
            names = "--no-slot",
            description = "Stream without a slot: the primary may recycle WAL the standby still needs.")
    boolean noSlot;

    @Option(
            names = "--repo",
            paramLabel = "URL",
            description =
                    "Backup repository (file:///path or s3://bucket/prefix); default: backup.repository in keel.yaml.")
    String repository;

    @Option(
            names = "--pg-bindir",
            paramLabel = "DIR",
            description = "PostgreSQL binaries of the primary's major version (default: found automatically).")
    Path binDir;

    @Option(names = "--parallel", paramLabel = "N", description = "Files fetched at once from the repository.")
    Integer parallel;

    @Override
    public Integer call() {
        // Contradictions first: bad input never starts the embedded server or connects anywhere.
        if (slot != null && noSlot) {
            throw new KeelException(
                    CoreError.COMMAND_LINE, "--slot and --no-slot contradict each other", "pass one of them");
        }
        ReplicaRequest request = ReplicaRequest.into(targetDir);
        if (fromBackup != null) {
            request = request.fromBackup(NEWEST.equals(fromBackup) ? null : fromBackup);
        }
        if (stream) {
            request = request.stream();
        }
        request = slot != null ? request.slot(slot) : request;
        request = noSlot ? request.withoutSlot() : request;
        request = start ? request.start() : request;
        CliContext cli = new CliContext(replica.parent.global);
        ReplicaCreateResult result = ReplicaCommand.backups(cli, repository, backups -> {
                    if (binDir != null) {
                        backups.binDir(binDir);
                    }
                    if (parallel != null) {
                        backups.parallel(parallel);
                    }
                    return backups;
                })
                .replicaCreate(request);
        if (cli.json()) {
            cli.printJson(result);
            return ExitCode.OK.code();
        }
        cli.out()
                .printf(
                        "Made standby %s of %s in %s from %s%s (%.1f s)%n",
                        result.name(),
                        result.primary(),
                        result.targetDir(),
                        result.backupId() == null ? "a stream of the primary" : "backup " + result.backupId(),
                        result.slot() == null ? ", without a slot" : ", streaming through slot " + result.slot(),
                        result.millis() / 1000.0);
        if (result.running()) {
            cli.out().println("It streams, replayed up to " + result.replayLsn() + ": " + result.url());
        } else {
            cli.out()
                    .println("Start it with: pg_ctl -D " + result.targetDir() + " -o '-p PORT' start"
                            + (result.binDir() == null ? "" : "  (PostgreSQL in " + result.binDir() + ")"));
        }
        return ExitCode.OK.code();
    }
}
