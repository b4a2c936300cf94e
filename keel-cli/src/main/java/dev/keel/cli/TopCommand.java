package dev.keel.cli;

import dev.keel.config.Durations;
import dev.keel.error.ExitCode;
import dev.keel.stats.RankBy;
import dev.keel.stats.RankedStatement;
import dev.keel.stats.Ranking;
import dev.keel.stats.Times;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "top",
        description = "Rank statements by what they did recently: takes a snapshot now and compares it with the newest"
                + " snapshot at least --since old (or the oldest there is, or the last reset, each said in a note).")
final class TopCommand implements Callable<Integer> {
    private static final int QUERY_WIDTH = 70;

    @ParentCommand
    KeelCommand parent;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            defaultValue = "1h",
            description = "How far back the window reaches: 15min, 1h, 7d … (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(
            names = "--by",
            paramLabel = "ORDER",
            defaultValue = "total",
            description =
                    "Rank by total (execution time), mean (time per call), calls, rows or io (shared blocks read); default: ${DEFAULT-VALUE}.")
    RankBy by;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many statements to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        Ranking ranking = cli.insight().top(CliContext.duration("--since", since), by, limit);
        if (cli.json()) {
            cli.printJson(ranking);
        } else {
            print(cli.out(), ranking);
        }
        return ExitCode.OK.code();
    }

    static void print(PrintStream out, Ranking r) {
        out.printf(
                "Statements by %s, %s → %s%s%n",
                describe(r.rankedBy()),
                r.start() == null ? "the last reset" : Times.format(r.start()),
                Times.format(r.end()),
                r.start() == null ? "" : " (" + Durations.rounded(Duration.between(r.start(), r.end())) + ")");
        r.notes().forEach(n -> out.println("note: " + n));
        if (r.statements().isEmpty()) {
            out.println("No statement ran in this window.");
            return;
        }
        out.printf(
                "%4s %6s %9s %11s %10s %9s %17s %5s  %s%n",
                "RANK", "SHARE", "CALLS", "TOTAL ms", "MEAN ms", "ROWS", "SHARED HIT/READ", "HIT%", "QUERY");
        for (RankedStatement s : r.statements()) {
            out.printf(
                    Locale.ROOT,
                    "%4d %5.1f%% %9d %11.1f %10.2f %9d %17s %5s  %s%n",
                    s.rank(),
                    s.sharePercent(),
                    s.calls(),
                    s.totalMs(),
                    s.meanMs(),
                    s.rows(),
                    s.sharedBlocksHit() + "/" + s.sharedBlocksRead(),
                    s.hitRatio() == null ? "-" : String.format(Locale.ROOT, "%.0f", 100 * s.hitRatio()),
                    shorten(s.query()));
        }
        out.printf(
                Locale.ROOT,
                "%d statements ran %d times for %.1f ms in this window; the full text of each query is in --json.%n",
                r.statementCount(),
                r.totalCalls(),
                r.totalMs());
    }

    private static String describe(RankBy by) {
        return switch (by) {
            case TOTAL -> "total time";
            case MEAN -> "mean time";
            case CALLS -> "calls";
            case ROWS -> "rows";
            case IO -> "shared blocks read";
        };
    }

    /** One line: whitespace collapsed, cut with an ellipsis. */
    static String shorten(String query) {
        String flat = query.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUERY_WIDTH ? flat : flat.substring(0, QUERY_WIDTH - 1) + "…";
    }
}
