package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.projection.CachedColumnVerify;
import dev.keel.projection.CounterVerify;
import dev.keel.projection.DriftedGroup;
import dev.keel.projection.Projections;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "verify",
        description = {
            "Compare each counter with the true aggregate of its table, and each cached column with the rows it copies,"
                    + " and list what differs (exit 1).",
            "The table and the counter are read in one snapshot, so writers may go on; --repair adds each difference"
                    + " in that same statement."
        })
final class ProjectionsVerifyCommand implements Callable<Integer> {

    @ParentCommand
    ProjectionsCommand projections;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description =
                    "The counter or cached column (name, schema.name, or table.column for a cached column); all of"
                            + " them when left out.")
    String name;

    @Option(
            names = "--sample",
            paramLabel = "N",
            description = "Compare N groups picked at random (a counter) or at most N rows (a cached column) instead of"
                    + " all of them, for large tables.")
    Integer sample;

    @Option(names = "--repair", description = "Add each difference found to the counter, so it matches the table.")
    boolean repair;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(projections.parent.global);
        Projections.VerifyResult result = ProjectionsCommand.projections(cli).verify(name, sample, repair);
        if (cli.json()) {
            cli.printJson(result);
        } else if (result.counters().isEmpty() && result.columns().isEmpty()) {
            cli.out().println("No counters or cached columns in " + result.database() + ": nothing to verify");
        } else {
            result.counters().forEach(r -> print(cli, r));
            result.columns().forEach(r -> print(cli, r));
        }
        return result.unrepairedDrift() ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }

    private static void print(CliContext cli, CachedColumnVerify.Result r) {
        if (!r.drift()) {
            cli.out().println(r.projection() + ": ok, every copy matches its referenced row (" + r.millis() + " ms)");
            return;
        }
        cli.out()
                .println(r.projection() + ": " + r.driftedRows()
                        + (r.driftedRows() == 1 ? " row differs" : " rows differ") + " from the rows they copy"
                        + (r.repaired() ? "; repaired" : ""));
        for (var row : r.drifted()) {
            cli.out().println("  key " + row.get(0) + "  copy " + row.get(1) + ", referenced " + row.get(2));
        }
        if (!r.repaired()) {
            cli.out().println("  run keel projections verify " + r.projection() + " --repair to fix it");
        }
    }

    private static void print(CliContext cli, CounterVerify.Result r) {
        String scope = r.sample() == null ? "every group" : "a sample of " + r.sample() + " groups";
        if (r.skipped() != null) {
            cli.out().println(r.counter() + ": not verified, " + r.skipped());
        } else if (!r.drift()) {
            cli.out().println(r.counter() + ": ok, " + scope + " matches the table (" + r.millis() + " ms)");
        } else {
            cli.out()
                    .println(r.counter() + ": " + r.driftedGroups()
                            + (r.driftedGroups() == 1 ? " group differs" : " groups differ") + " from the table ("
                            + scope + ")" + (r.repaired() ? "; repaired" : ""));
            for (DriftedGroup g : r.drifted()) {
                cli.out()
                        .println("  ("
                                + String.join(
                                        ", ",
                                        g.group().stream()
                                                .map(v -> v == null ? "NULL" : v)
                                                .toList())
                                + ")  count " + g.counterCount() + ", table " + g.trueCount()
                                + (g.trueSum() == null ? "" : "; sum " + g.counterSum() + ", table " + g.trueSum()));
            }
            if (r.driftedGroups() > r.drifted().size()) {
                cli.out().println("  … and " + (r.driftedGroups() - r.drifted().size()) + " more");
            }
            if (!r.repaired()) {
                cli.out().println("  run keel projections verify " + r.counter() + " --repair to fix it");
            }
        }
    }
}
