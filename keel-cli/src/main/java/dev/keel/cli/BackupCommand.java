package dev.keel.cli;

import dev.keel.backup.BackupError;
import dev.keel.backup.BackupList;
import dev.keel.backup.RepositoryInfo;
import dev.keel.backup.base.BackupResult;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.remote.BackupMethod;
import dev.keel.config.ByteSizes;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "backup",
        description = "Take a base backup of the database's cluster into the backup repository.",
        subcommands = {
            BackupCommand.Init.class,
            BackupCommand.ListBackups.class,
            BackupVerifyCommand.class,
            BackupPruneCommand.class
        })
final class BackupCommand implements Callable<Integer> {

    enum Type {
        full,
        incr
    }

    @ParentCommand
    KeelCommand parent;

    @Mixin
    RepositoryOption repo;

    @Option(
            names = "--type",
            paramLabel = "full|incr",
            defaultValue = "full",
            description =
                    "Backup type (default: full). incr stores only what changed since the newest backup of this cluster"
                            + " (changed blocks on PostgreSQL 17 with summarize_wal = on, otherwise and with --method stream changed files);"
                            + " without one it takes a full backup.")
    Type type;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Files copied at once by the local method (default: backup.parallel, 2).")
    Integer parallel;

    @Option(
            names = "--max-rate",
            paramLabel = "MB/s",
            description = "Read at most this many MiB per second from the data directory.")
    double maxRate;

    @Option(
            names = "--method",
            paramLabel = "auto|local|stream",
            description =
                    "How the files are read: local copies the data directory beside the server, stream receives them over a replication "
                            + "connection (BASE_BACKUP), auto takes local when the data directory is on this machine (default: backup.method, auto).")
    String method;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        if (parallel != null && (parallel < 1 || parallel > 64) || maxRate < 0) {
            throw new KeelException(
                    BackupError.OPTION_INVALID,
                    "--parallel must be between 1 and 64 and --max-rate positive",
                    "check the options");
        }
        BackupMethod wanted = method == null ? null : BackupMethod.parse(method);
        DatabaseTarget target = cli.databaseTarget();
        BackupResult result = repo.backups(cli, backups -> {
                    if (parallel != null) {
                        backups.parallel(parallel);
                    }
                    if (wanted != null) {
                        backups.method(wanted);
                    }
                    return backups.maxRate(maxRate).target(target);
                })
                .backup(type == Type.incr ? BackupType.INCREMENTAL : BackupType.FULL);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            String kind = result.parent() == null
                    ? ""
                    : " (incremental on " + result.parent() + ", by " + result.method() + ")";
            cli.out()
                    .printf(
                            "Backup %s%s complete: %d files, %s (%s stored), WAL %s to %s on timeline %d, %d segments, %.1f s%n",
                            result.id(),
                            kind,
                            result.files(),
                            ByteSizes.human(result.bytes()),
                            ByteSizes.human(result.storedBytes()),
                            result.startLsn(),
                            result.stopLsn(),
                            result.timeline(),
                            result.walSegments(),
                            result.millis() / 1000.0);
        }
        return ExitCode.OK.code();
    }

    @Command(name = "init", description = "Create the backup repository (backup.repository in keel.yaml, or --repo).")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Mixin
        RepositoryOption repo;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(backup.parent.global);
            RepositoryOption chosen = repo.repository != null ? repo : backup.repo;
            RepositoryInfo created = chosen.backups(cli).init();
            if (cli.json()) {
                cli.printJson(created);
            } else {
                cli.out()
                        .printf(
                                "Created backup repository %s (compression %s, encryption %s)%n",
                                created.repository(), created.compression(), created.encryption());
            }
            return ExitCode.OK.code();
        }
    }

    @Command(
            name = "list",
            description = "List the backups in the repository, oldest first; incomplete (killed) ones are marked.")
    static final class ListBackups implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Mixin
        RepositoryOption repo;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(backup.parent.global);
            RepositoryOption chosen = repo.repository != null ? repo : backup.repo;
            BackupList list = chosen.backups(cli).list();
            if (cli.json()) {
                cli.printJson(list);
            } else if (list.backups().isEmpty()) {
                cli.out().println("No backups in " + list.repository() + " yet: keel backup takes one.");
            } else {
                cli.out()
                        .printf(
                                "%-20s %-5s %-20s %-20s %-14s %-10s %-10s %s%n",
                                "ID", "TYPE", "PARENT", "STOPPED (UTC)", "STOP LSN", "SIZE", "STORED", "POSTGRESQL");
                for (BackupList.Entry row : list.backups()) {
                    if (!row.complete()) {
                        cli.out()
                                .printf(
                                        "%-20s incomplete: no manifest (killed or failed); nothing restores from it%n",
                                        row.id());
                    } else {
                        cli.out()
                                .printf(
                                        "%-20s %-5s %-20s %-20s %-14s %-10s %-10s %s%n",
                                        row.id(),
                                        row.type().label(),
                                        row.parent() == null ? "-" : row.parent(),
                                        row.stopTime()
                                                .toString()
                                                .replace('T', ' ')
                                                .replaceAll("\\.\\d+Z$", "")
                                                .replace("Z", ""),
                                        row.stopLsn(),
                                        ByteSizes.human(row.bytes()),
                                        ByteSizes.human(row.storedBytes()),
                                        row.postgresVersion());
                    }
                }
            }
            return ExitCode.OK.code();
        }
    }
}
