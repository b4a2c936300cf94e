package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.insight.Insight;
import dev.keel.insight.SnapshotPruneResult;
import dev.keel.stats.LiteralSamples;
import dev.keel.stats.Snapshot;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "stats",
        description =
                "Store and prune snapshots of the statement, table and index statistics (keel top compares them).",
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

    @Command(
            name = "snapshot",
            description =
                    "Store the current counters of pg_stat_statements, pg_stat_user_tables and pg_stat_user_indexes"
                            + " in keel's schema; run it regularly (e.g. hourly from cron) so keel top has a window to compare.")
    static final class Take implements Callable<Integer> {
        @ParentCommand
        StatsCommand stats;

        @Option(
                names = "--observe",
                paramLabel = "DURATION",
                description =
                        "Also watch the running statements for DURATION (e.g. 10s) and store the values they use, for keel advise indexes.")
        String observe;

        /** What --json prints with --observe: the snapshot, and what the observation saw; without it, the snapshot alone. */
        record Output(Snapshot snapshot, LiteralSamples.Observation observation) {}

        @Override
        public Integer call() {
            CliContext cli = new CliContext(stats.parent.global);
            Duration watch = observe == null ? null : CliContext.duration("--observe", observe);
            Insight insight = cli.insight();
            LiteralSamples.Observation seen = watch == null ? null : insight.observe(watch);
            Snapshot snapshot = insight.snapshot();
            if (cli.json()) {
                cli.printJson(seen == null ? snapshot : new Output(snapshot, seen));
            } else {
                cli.out()
                        .printf(
                                "Stored snapshot %d of %s: %d statements, %d tables, %d indexes.%n",
                                snapshot.id(),
                                cli.connections().describe(),
                                snapshot.statements(),
                                snapshot.tables(),
                                snapshot.indexes());
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

        @Option(
                names = "--keep",
                paramLabel = "DURATION",
                defaultValue = "7d",
                description = "Keep snapshots this young: 36h, 7d … (default: ${DEFAULT-VALUE}).")
        String keep;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(stats.parent.global);
            SnapshotPruneResult result = cli.insight().pruneSnapshots(CliContext.duration("--keep", keep));
            int deleted = result.deleted();
            if (cli.json()) {
                cli.printJson(result);
            } else {
                cli.out()
                        .printf(
                                "Deleted %d %s older than %s.%n",
                                deleted, deleted == 1 ? "snapshot" : "snapshots", keep);
            }
            return ExitCode.OK.code();
        }
    }
}
