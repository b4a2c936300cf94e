package dev.keel.cli;

import dev.keel.config.Durations;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.stats.LiteralSamples;
import dev.keel.stats.Snapshot;
import dev.keel.stats.StatementSnapshots;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "stats", description = "Store and prune snapshots of the statement, table and index statistics (keel top compares them).",
        subcommands = {StatsCommand.Take.class, StatsCommand.Prune.class})
final class StatsCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: snapshot or prune");
    }

    @Command(name = "snapshot", description = "Store the current counters of pg_stat_statements, pg_stat_user_tables and pg_stat_user_indexes"
            + " in keel's schema; run it regularly (e.g. hourly from cron) so keel top has a window to compare.")
    static final class Take implements Callable<Integer> {
        @ParentCommand
        StatsCommand stats;

        @Option(names = "--observe", paramLabel = "DURATION",
                description = "Also watch the running statements for DURATION (e.g. 10s) and store the values they use, for keel advise indexes.")
        String observe;

        /** What --json prints with --observe: the snapshot, and what the observation saw; without it, the snapshot alone. */
        record Output(Snapshot snapshot, LiteralSamples.Observation observation) {
        }

        @Override
        public Integer call() {
            CliContext cli = new CliContext(stats.parent.global);
            Duration watch = observe == null ? null : Durations.option(observe, "--observe");
            ConnectionSource source = cli.database();
            Snapshot snapshot;
            LiteralSamples.Observation seen = null;
            try (Connection c = source.open()) {
                if (watch != null) {
                    seen = new LiteralSamples(cli.config().schema()).observe(c, watch, LiteralSamples.DEFAULT_INTERVAL);
                }
                snapshot = new StatementSnapshots(cli.config().schema()).take(c);
            } catch (SQLException e) {
                throw KeelException.operation("closing the connection to " + source.describe() + " failed: " + e.getMessage(), "retry", e);
            }
            if (cli.json()) {
                cli.printJson(seen == null ? snapshot : new Output(snapshot, seen));
            } else {
                cli.out().printf("Stored snapshot %d of %s: %d statements, %d tables, %d indexes.%n", snapshot.id(), source.describe(),
                        snapshot.statements(), snapshot.tables(), snapshot.indexes());
                if (seen != null) {
                    cli.out().println("Sampled values: " + seen.describe() + ".");
                    seen.notes().forEach(n -> cli.out().println("note: " + n));
                }
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "prune", description = "Delete snapshots older than --keep (default 7d).")
    static final class Prune implements Callable<Integer> {
        @ParentCommand
        StatsCommand stats;

        @Option(names = "--keep", paramLabel = "DURATION", defaultValue = "7d", description = "Keep snapshots this young: 36h, 7d … (default: ${DEFAULT-VALUE}).")
        String keep;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(stats.parent.global);
            Duration age = Durations.option(keep, "--keep");
            OffsetDateTime before = OffsetDateTime.now().minus(age);
            ConnectionSource source = cli.database();
            int deleted;
            try (Connection c = source.open()) {
                deleted = new StatementSnapshots(cli.config().schema()).prune(c, before);
            } catch (SQLException e) {
                throw KeelException.operation("closing the connection to " + source.describe() + " failed: " + e.getMessage(), "retry", e);
            }
            if (cli.json()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("deleted", deleted);
                result.put("before", before);
                cli.printJson(result);
            } else {
                cli.out().printf("Deleted %d %s older than %s.%n", deleted, deleted == 1 ? "snapshot" : "snapshots", keep);
            }
            return ExitCode.OK.code();
        }
    }
}
