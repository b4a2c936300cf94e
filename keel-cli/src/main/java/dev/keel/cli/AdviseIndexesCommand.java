package dev.keel.cli;

import dev.keel.advise.AdviseOptions;
import dev.keel.advise.HealthFinding;
import dev.keel.advise.IndexAdvice;
import dev.keel.advise.IndexProposal;
import dev.keel.advise.StatementGain;
import dev.keel.advise.TooEarly;
import dev.keel.config.ByteSizes;
import dev.keel.config.Durations;
import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.insight.Insight;
import dev.keel.migrate.MigrationSettings;
import dev.keel.migrate.NewMigration;
import dev.keel.stats.Times;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "indexes",
        description = "Indexes worth building for the statements that take the most time, checked against the planner"
                + " (hypopg, or a scratch copy of the table), and problems with the indexes that exist.")
final class AdviseIndexesCommand implements Callable<Integer> {

    @ParentCommand
    AdviseCommand advise;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            defaultValue = "7d",
            description = "Rank statements over this window, as keel top --since (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "10",
            description = "Examine the N statements with the most total time (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--min-improvement",
            paramLabel = "FACTOR",
            defaultValue = "2",
            description =
                    "Propose an index only when it makes a statement's estimated cost at least FACTOR times lower (default: ${DEFAULT-VALUE}).")
    double minImprovement;

    @Option(
            names = "--copy-rows",
            paramLabel = "N",
            defaultValue = "100000",
            description =
                    "Without hypopg: copy at most N rows of a table to build a candidate on (default: ${DEFAULT-VALUE}).")
    long copyRows;

    @Option(
            names = "--observe",
            paramLabel = "DURATION",
            description =
                    "First watch the running statements for DURATION (e.g. 30s) and store the values they use, so statements are planned"
                            + " with real values instead of the generic plan's average; run it while the workload runs. Values seen earlier"
                            + " (within --since) count too.")
    String observe;

    @Option(
            names = "--apply-to",
            paramLabel = "DIR",
            description = "Write each proposal as the next versioned migration file in DIR (e.g. db/migrations).")
    Path applyTo;

    /** What --json prints: the advice and the migration files written. */
    record Output(IndexAdvice advice, List<String> written) {}

    @Override
    public Integer call() {
        CliContext cli = new CliContext(advise.parent.global);
        Insight insight = cli.insight();
        AdviseOptions options = insight.adviseOptions()
                .withSince(CliContext.duration("--since", since))
                .withStatements(limit)
                .withMinImprovement(minImprovement)
                .withCopyRows(copyRows)
                .observing(observe == null ? Duration.ZERO : CliContext.duration("--observe", observe));
        IndexAdvice advice = insight.adviseIndexes(options);
        List<String> written = applyTo == null ? List.of() : write(cli, advice.proposals());
        if (cli.json()) {
            cli.printJson(new Output(advice, written));
        } else {
            print(cli.out(), advice, written);
        }
        return ExitCode.OK.code();
    }

    private List<String> write(CliContext cli, List<IndexProposal> proposals) {
        Path dir = cli.projectDir().resolve(applyTo).normalize();
        MigrationSettings project = cli.migrationSettings();
        // The next version is counted in DIR alone, as keel new counts it in the configured locations.
        MigrationSettings here = new MigrationSettings(
                cli.projectDir(),
                List.of("filesystem:" + dir),
                project.schema(),
                project.table(),
                project.lockTimeout(),
                project.statementTimeout(),
                project.lockRetries(),
                project.outOfOrder(),
                project.classLoader());
        List<String> written = new ArrayList<>();
        for (IndexProposal p : proposals) {
            NewMigration.Result file =
                    NewMigration.create(here, "index " + p.table() + " " + String.join(" ", p.columns()));
            try {
                // NewMigration's header speaks of one transaction; this file runs without one, and says so itself.
                Files.writeString(file.file(), p.migration(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new KeelException(
                        CoreError.IO_FAILED,
                        "cannot write " + file.file() + ": " + e.getMessage(),
                        "check the permissions",
                        e);
            }
            written.add(cli.projectDir().relativize(file.file()).toString());
        }
        return written;
    }

    static void print(PrintStream out, IndexAdvice a, List<String> written) {
        out.printf(
                Locale.ROOT,
                "Index advice for the %d statements with the most total time (verified with %s, at least %.1f× cheaper):%n",
                a.statementsExamined(),
                a.verifiedWith(),
                a.minImprovement());
        a.notes().forEach(n -> out.println("note: " + n));
        if (a.proposals().isEmpty()) {
            out.println("No index to add.");
        }
        for (IndexProposal p : a.proposals()) {
            out.printf(
                    Locale.ROOT,
                    "%n%s%n  size about %s; write cost: the table takes %.2f inserts/s and %.2f updates/s (%s),"
                            + " each of which maintains the index too (an update only when it is not HOT)%n",
                    p.sql(),
                    ByteSizes.human(p.estimatedBytes()),
                    p.writes().insertsPerSecond(),
                    p.writes().updatesPerSecond(),
                    p.writes().basis());
            for (StatementGain g : p.helps()) {
                out.printf(
                        Locale.ROOT,
                        "  %.1f× cheaper (cost %.1f → %.1f), %d calls, %.1f ms: %s%n    evidence: %s%n",
                        g.factor(),
                        g.costBefore(),
                        g.costAfter(),
                        g.calls(),
                        g.totalMs(),
                        TopCommand.shorten(g.query()),
                        g.evidence());
            }
        }
        if (!a.health().isEmpty()) {
            out.printf("%nIndex health:%n");
            for (HealthFinding f : a.health()) {
                out.printf(
                        "  %s %s.%s %s: %s%n    fix: %s%n",
                        f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        f.schema(),
                        f.table(),
                        f.index(),
                        f.detail(),
                        f.fix());
            }
        }
        if (!a.tooEarly().isEmpty()) {
            out.printf("%nToo early to call unused (no scan yet, but counted for less than advise.unusedAfter):%n");
            for (TooEarly t : a.tooEarly()) {
                out.printf(
                        "  %s.%s %s: counted for %s, since %s; can be judged from %s%n",
                        t.schema(),
                        t.table(),
                        t.index(),
                        Durations.rounded(Duration.ofSeconds(t.observedSeconds())),
                        Times.format(t.countingSince()),
                        Times.format(t.judgeableAt()));
            }
        }
        written.forEach(w -> out.println("Wrote " + w));
        if (written.isEmpty() && !a.proposals().isEmpty()) {
            out.println("Write them as migrations with --apply-to db/migrations.");
        }
    }
}
