package dev.keel.backup.drill;

import dev.keel.backup.BackupError;
import dev.keel.backup.base.TableRowCounts;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.DrillRecord;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.restore.Restore;
import dev.keel.backup.restore.RestoreOptions;
import dev.keel.backup.restore.RestoreResult;
import dev.keel.config.Durations;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A restore drill: restores a backup into a scratch directory, recovers it, proves the result
 * (row counts, the user's invariants, amcheck), measures RTO and RPO against their targets, records
 * the outcome in the repository, and throws the scratch cluster away.
 */
public final class Drill {
    private final BackupRepository repository;
    private final Clock clock;

    public Drill(BackupRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public DrillResult run(DrillOptions options) {
        Instant started = clock.instant();
        long began = System.nanoTime();
        String id = DrillIds.reserve(repository, started);
        Path scratch = scratchDirectory();
        Path data = scratch.resolve("data");
        RestoreResult restored = null;
        try {
            try {
                restored = new Restore(repository)
                        .run(new RestoreOptions(
                                null,
                                data,
                                options.target(),
                                false,
                                true,
                                options.parallel(),
                                options.binDir(),
                                options.restoreCommand(),
                                options.superuser(),
                                options.progress(),
                                options.status(),
                                false));
            } catch (KeelException e) {
                // A restore that fails is the most important thing a drill can find: record it before reporting it.
                repository.writeDrill(new DrillRecord(
                        id,
                        null,
                        started,
                        clock.instant(),
                        false,
                        Map.of("target", options.target().toString()),
                        List.of("restore failed: " + e.what())));
                throw e;
            }
            long rtoMillis = (System.nanoTime() - began) / 1_000_000;
            Optional<Instant> primaryNewest = options.primaryNewestCommit().get();
            return prove(id, started, options, restored, rtoMillis, primaryNewest);
        } finally {
            if (restored != null) {
                new PostgresCluster(PostgresBinaries.at(Path.of(restored.binDir())), data).stopImmediately();
            }
            FileTrees.deleteQuietly(scratch);
        }
    }

    private DrillResult prove(
            String id,
            Instant started,
            DrillOptions options,
            RestoreResult restored,
            long rtoMillis,
            Optional<Instant> primaryNewest) {
        BackupManifest manifest = repository.readManifest(restored.backupId()).orElseThrow();
        List<String> failures = new ArrayList<>();
        options.status().accept("counting rows of the restored cluster");
        RowCountComparison counts = RowCountComparison.of(
                manifest.tableRowCounts(),
                TableRowCounts.count(
                        db -> connect(restored.port(), db == null ? options.database() : db, options.superuser())));
        boolean exact = stoppedAtBackupEnd(options.target(), manifest, restored);
        if (exact) {
            counts.differences().forEach(d -> failures.add("row count: " + d));
        }
        List<InvariantResult> invariants;
        IndexCheckResult indexes;
        try (Connection c = connect(restored.port(), options.database(), options.superuser())) {
            invariants = Invariants.check(c, options.invariants());
            options.status().accept("checking btree indexes with amcheck");
            indexes = IndexCheck.run(c, options.database());
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.DRILL_CONNECTION_FAILED,
                    "cannot connect to the restored cluster: " + e.getMessage(),
                    "see the restore's server log",
                    e);
        }
        invariants.stream()
                .filter(i -> !i.passed())
                .forEach(i -> failures.add("invariant " + i.query() + " " + i.detail()));
        indexes.failures().forEach(f -> failures.add("amcheck: " + f));

        Instant recoverable =
                restored.recoveredTime() != null ? restored.recoveredTime().toInstant() : manifest.stopTime();
        Long rpoMillis = primaryNewest
                .map(p -> Math.max(0, Duration.between(recoverable, p).toMillis()))
                .orElse(null);
        if (options.rto() != null && rtoMillis > options.rto().toMillis()) {
            failures.add("RTO " + Durations.human(Duration.ofMillis(rtoMillis)) + " exceeds backup.rto "
                    + Durations.human(options.rto()));
        }
        if (options.rpo() != null && rpoMillis == null) {
            failures.add("RPO could not be measured (the primary did not answer), so backup.rpo "
                    + Durations.human(options.rpo()) + " is not proven");
        } else if (options.rpo() != null && rpoMillis > options.rpo().toMillis()) {
            failures.add("RPO " + Durations.human(Duration.ofMillis(rpoMillis)) + " exceeds backup.rpo "
                    + Durations.human(options.rpo()));
        }
        Instant finished = clock.instant();
        DrillResult result = new DrillResult(
                id,
                manifest.id(),
                options.target().toString(),
                started,
                finished,
                failures.isEmpty(),
                rtoMillis,
                rpoMillis,
                primaryNewest.orElse(null),
                recoverable,
                restored.recoveredLsn(),
                restored.recoveredTime(),
                restored.postgresVersion(),
                counts.compared(),
                exact,
                counts.differences(),
                invariants,
                indexes,
                options.rpo() == null ? null : Durations.human(options.rpo()),
                options.rto() == null ? null : Durations.human(options.rto()),
                failures);
        repository.writeDrill(record(result));
        return result;
    }

    /**
     * The counts were taken at the backup's end, so they must match exactly when recovery stopped
     * there: at the backup's stop LSN, or having replayed no transaction after the backup ended.
     */
    static boolean stoppedAtBackupEnd(RecoveryTarget target, BackupManifest manifest, RestoreResult restored) {
        if (target.kind() == RecoveryTarget.Kind.LSN) {
            return target.value().equalsIgnoreCase(manifest.stopLsn());
        }
        return restored.recoveredTime() == null
                || !restored.recoveredTime().toInstant().isAfter(manifest.stopTime());
    }

    private static DrillRecord record(DrillResult r) {
        Map<String, String> results = new LinkedHashMap<>();
        results.put("target", r.target());
        results.put("rtoMillis", String.valueOf(r.rtoMillis()));
        results.put("rpoMillis", String.valueOf(r.rpoMillis()));
        results.put("recoveredLsn", r.recoveredLsn());
        results.put("recoveredTime", String.valueOf(r.recoveredTime()));
        results.put("tablesCompared", String.valueOf(r.tablesCompared()));
        results.put("rowCountsExact", String.valueOf(r.rowCountsExact()));
        results.put("invariants", String.valueOf(r.invariants().size()));
        results.put(
                "indexesChecked",
                r.indexCheck().skipped() == null ? String.valueOf(r.indexCheck().checked()) : "skipped");
        results.put("postgresVersion", r.postgresVersion());
        results.values().removeIf(Objects::isNull);
        return new DrillRecord(r.id(), r.backupId(), r.started(), r.finished(), r.passed(), results, r.failures());
    }

    private static Path scratchDirectory() {
        try {
            return Files.createTempDirectory("keel-drill-");
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED,
                    "cannot create a scratch directory for the drill: " + e.getMessage(),
                    "check the free space of the temp directory",
                    e);
        }
    }

    private static Connection connect(int port, String database, String user) {
        try {
            return DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                            + "?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&connectTimeout=10");
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.DRILL_CONNECTION_FAILED,
                    "cannot connect to database " + database + " of the restored cluster: " + e.getMessage(),
                    "check that the backup holds it",
                    e);
        }
    }
}
