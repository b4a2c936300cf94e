package dev.keel.cli;

import dev.keel.backup.BackupError;
import dev.keel.backup.Backups;
import dev.keel.backup.WalStream;
import dev.keel.backup.stream.WalStreamer;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "stream",
        description = {
            "Receive WAL continuously over a replication slot into the backup repository, until stopped: SIGTERM stores what"
                    + " was flushed and exits 0 (143 only when it cannot stop cleanly); Ctrl-C does the same and exits 130.",
            "WAL is fsynced into a local spool before the server hears of it; finished segments, and every --partial-interval the "
                    + "received part of the current one, go to the repository. With keel wal setup --synchronous the server acknowledges "
                    + "no commit before keel holds its WAL: RPO 0."
        })
final class WalStreamCommand implements Callable<Integer> {

    @ParentCommand
    WalCommand wal;

    @Mixin
    RepositoryOption repo;

    @Option(
            names = "--synchronous",
            description =
                    "Refuse to stream unless the server waits for keel before acknowledging commits (set by keel wal setup --synchronous).")
    boolean synchronous;

    @Option(
            names = "--slot",
            paramLabel = "NAME",
            description = "Replication slot, created when missing (default: backup.stream.slot, keel_wal).")
    String slot;

    @Option(
            names = "--application-name",
            paramLabel = "NAME",
            description =
                    "The name the server knows keel by, as in synchronous_standby_names (default: backup.stream.applicationName, keel_wal).")
    String applicationName;

    @Option(
            names = "--spool",
            paramLabel = "DIR",
            description =
                    "Local directory for WAL not yet in the repository (default: backup.stream.spool, or .keel/wal-spool/<slot>).")
    Path spool;

    @Option(
            names = "--partial-interval",
            paramLabel = "SECONDS",
            description =
                    "How often the received part of the current segment is copied to the repository (default: backup.stream.partialInterval, 10 s).")
    Long partialInterval;

    @Option(names = "--no-loop", description = "End when the connection fails (exit 3) instead of reconnecting.")
    boolean noLoop;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(wal.parent.global);
        if (partialInterval != null && partialInterval < 1) {
            throw new KeelException(
                    BackupError.OPTION_INVALID, "--partial-interval must be at least 1 second", "check the option");
        }
        DatabaseTarget target = cli.databaseTarget();
        Backups backups = repo.backups(cli, configuration -> {
            if (slot != null) {
                configuration.slot(slot);
            }
            if (applicationName != null) {
                configuration.applicationName(applicationName);
            }
            if (spool != null) {
                configuration.spool(spool);
            }
            if (partialInterval != null) {
                configuration.partialInterval(Duration.ofSeconds(partialInterval));
            }
            return configuration.reconnect(!noLoop).target(target);
        });
        try (WalStream stream = backups.walStream(synchronous);
                TermSignal term = TermSignal.install(stream::stop, cli.err())) {
            CountDownLatch reported = new CountDownLatch(1);
            // Ctrl-C, or SIGTERM where the JVM keeps it: the JVM ends when the hook returns, so it waits until the
            // run's last line is out.
            Thread hook = new Thread(
                    () -> {
                        stream.stop();
                        try {
                            reported.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "keel-wal-stream-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            WalStreamer.Result result;
            try {
                result = stream.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is what ended the run
                }
            }
            if (cli.json()) {
                cli.printJson(result);
            } else {
                cli.err()
                        .printf(
                                "keel: stopped streaming%s at %s on timeline %d: %s; %d segments stored%n",
                                term.received() ? " on SIGTERM" : "",
                                result.flushedLsn(),
                                result.timeline(),
                                result.allStored()
                                        ? "all WAL received up to there is flushed and in the repository"
                                        : "WAL the repository did not take stays in the spool",
                                result.segmentsStored());
            }
            reported.countDown();
            if (!result.allStored()) {
                throw new KeelException(
                        BackupError.REPOSITORY_IO_FAILED,
                        "keel wal stream stopped, but the repository did not take all the WAL received: the rest stays"
                                + " in the spool",
                        "check that the repository is reachable; the next keel wal stream stores the spool's WAL first");
            }
        }
        return ExitCode.OK.code();
    }
}
