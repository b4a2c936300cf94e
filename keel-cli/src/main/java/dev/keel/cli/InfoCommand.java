package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.migrate.Info;
import dev.keel.migrate.InfoResult;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "info", description = "List applied and pending migrations with their state.")
final class InfoCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    KeelCommand parent;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        InfoResult result = Info.run(cli.database(), cli.migrationSettings());
        if (cli.json()) {
            cli.printJson(result);
            return ExitCode.OK.code();
        }
        cli.out()
                .println(result.database() + ": "
                        + (result.currentVersion() == null
                                ? "no version applied"
                                : "at version " + result.currentVersion()));
        if (result.migrations().isEmpty()) {
            cli.out().println("No migrations found.");
            return ExitCode.OK.code();
        }
        cli.out()
                .printf(
                        "%-16s %-34s %-11s %-15s %-19s %s%n",
                        "VERSION", "DESCRIPTION", "TYPE", "STATE", "INSTALLED ON", "TIME");
        for (InfoResult.Row row : result.migrations()) {
            cli.out()
                    .printf(
                            "%-16s %-34s %-11s %-15s %-19s %s%n",
                            row.version() == null ? "R" : row.version(),
                            shorten(row.description(), 34),
                            row.type().toLowerCase(),
                            row.state(),
                            row.installedOn() == null
                                    ? ""
                                    : WHEN.format(row.installedOn().atZoneSameInstant(ZoneId.systemDefault())),
                            row.executionMillis() == null ? "" : row.executionMillis() + " ms");
        }
        cli.out().printf("%d applied, %d pending.%n", result.count("applied"), result.count("pending"));
        return ExitCode.OK.code();
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
