package dev.keel.cli;

import dev.keel.backup.BackupSettings;
import dev.keel.backup.base.BackupOptions;
import dev.keel.backup.base.BackupResult;
import dev.keel.backup.base.BaseBackup;
import dev.keel.backup.base.DatabaseOpener;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.remote.BackupMethod;
import dev.keel.backup.remote.RemoteBackup;
import dev.keel.backup.transfer.Throttle;
import dev.keel.connect.Connector;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", description = "Take a base backup of the database's cluster into the backup repository.",
        subcommands = {BackupCommand.Init.class, BackupCommand.ListBackups.class, BackupVerifyCommand.class, BackupPruneCommand.class})
final class BackupCommand implements Callable<Integer> {

    enum Type { full, incr }

    @ParentCommand
    KeelCommand parent;

    @Mixin
    RepositoryOption repo;

    @Option(names = "--type", paramLabel = "full|incr", defaultValue = "full",
            description = "Backup type (default: full). incr stores only what changed since the newest backup of this cluster"
                    + " (changed blocks on PostgreSQL 17 with summarize_wal = on, otherwise and with --method stream changed files); without one it takes a full backup.")
    Type type;

    @Option(names = "--parallel", paramLabel = "N", description = "Files copied at once by the local method (default: backup.parallel, 2).")
    Integer parallel;

    @Option(names = "--max-rate", paramLabel = "MB/s", description = "Read at most this many MiB per second from the data directory.")
    double maxRate;

    @Option(names = "--method", paramLabel = "auto|local|stream",
            description = "How the files are read: local copies the data directory beside the server, stream receives them over a replication "
                    + "connection (BASE_BACKUP), auto takes local when the data directory is on this machine (default: backup.method, auto).")
    String method;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        int threads = parallel != null ? parallel : BackupSettings.from(cli.config()).parallel();
        if (threads < 1 || threads > 64 || maxRate < 0) {
            throw KeelException.usage("--parallel must be between 1 and 64 and --max-rate positive", "check the options");
        }
        BackupMethod wanted = BackupMethod.parse(method != null ? method : java.util.Objects.requireNonNullElse(BackupSettings.from(cli.config()).method(), "auto"));
        DatabaseTarget target = cli.databaseTarget();
        try (BackupRepository repository = repo.open(cli)) {
            DatabaseOpener opener = db -> Connector.open(db == null ? target : target.withDatabase(db), "keel backup");
            BackupOptions options = new BackupOptions(threads, Throttle.megabytesPerSecond(maxRate), StderrProgress.forConsole(cli.err()));
            BackupResult result;
            if (wanted.resolve(opener) == BackupMethod.LOCAL) {
                result = new BaseBackup(repository, opener, target.describe(), Clock.systemUTC())
                        .run(options, type == Type.incr ? BackupType.INCREMENTAL : BackupType.FULL, note -> cli.err().println("keel: " + note));
            } else {
                result = new RemoteBackup(repository, opener, target, cli.env(), Clock.systemUTC())
                        .run(options, type == Type.incr ? BackupType.INCREMENTAL : BackupType.FULL, note -> cli.err().println("keel: " + note));
            }
            if (cli.json()) {
                cli.printJson(result);
            } else {
                String kind = result.parent() == null ? "" : " (incremental on " + result.parent() + ", by " + result.method() + ")";
                cli.out().printf("Backup %s%s complete: %d files, %s (%s stored), WAL %s to %s on timeline %d, %d segments, %.1f s%n", result.id(),
                        kind, result.files(), DbCommand.size(result.bytes()), DbCommand.size(result.storedBytes()), result.startLsn(), result.stopLsn(),
                        result.timeline(), result.walSegments(), result.millis() / 1000.0);
            }
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
            try (BackupRepository repository = chosen.create(cli)) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("repository", repository.store().describe());
                doc.put("repositoryId", repository.config().repositoryId());
                doc.put("compression", repository.config().compression());
                doc.put("encryption", repository.config().encryption());
                if (cli.json()) {
                    cli.printJson(doc);
                } else {
                    cli.out().printf("Created backup repository %s (compression %s, encryption %s)%n", doc.get("repository"), doc.get("compression"),
                            doc.get("encryption"));
                }
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "list", description = "List the backups in the repository, oldest first; incomplete (killed) ones are marked.")
    static final class ListBackups implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Mixin
        RepositoryOption repo;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(backup.parent.global);
            RepositoryOption chosen = repo.repository != null ? repo : backup.repo;
            try (BackupRepository repository = chosen.open(cli)) {
                Catalog catalog = repository.catalog();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CatalogBackup entry : catalog.backups()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", entry.id());
                    row.put("complete", entry.complete());
                    if (entry.complete()) {
                        BackupManifest m = catalog.manifest(entry.id()).orElseThrow();
                        row.put("type", m.type());
                        row.put("parent", m.parent());
                        row.put("startTime", m.startTime());
                        row.put("stopTime", m.stopTime());
                        row.put("startLsn", m.startLsn());
                        row.put("stopLsn", m.stopLsn());
                        row.put("timeline", m.timeline());
                        row.put("postgresVersion", m.postgresVersion());
                        row.put("files", m.files().size());
                        row.put("bytes", m.totalSize());
                        row.put("storedBytes", m.ownStoredSize());
                    }
                    rows.add(row);
                }
                if (cli.json()) {
                    cli.printJson(Map.of("repository", repository.store().describe(), "backups", rows));
                } else if (rows.isEmpty()) {
                    cli.out().println("No backups in " + repository.store().describe() + " yet: keel backup takes one.");
                } else {
                    cli.out().printf("%-20s %-5s %-20s %-20s %-14s %-10s %-10s %s%n", "ID", "TYPE", "PARENT", "STOPPED (UTC)", "STOP LSN", "SIZE", "STORED",
                            "POSTGRESQL");
                    for (Map<String, Object> row : rows) {
                        if (!(Boolean) row.get("complete")) {
                            cli.out().printf("%-20s incomplete: no manifest (killed or failed); nothing restores from it%n", row.get("id"));
                        } else {
                            cli.out().printf("%-20s %-5s %-20s %-20s %-14s %-10s %-10s %s%n", row.get("id"), ((BackupType) row.get("type")).label(),
                                    row.get("parent") == null ? "-" : row.get("parent"),
                                    row.get("stopTime").toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "").replace("Z", ""), row.get("stopLsn"),
                                    DbCommand.size((Long) row.get("bytes")), DbCommand.size((Long) row.get("storedBytes")), row.get("postgresVersion"));
                        }
                    }
                }
            }
            return ExitCode.OK.code();
        }
    }
}
