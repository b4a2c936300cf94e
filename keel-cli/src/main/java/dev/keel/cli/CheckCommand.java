package dev.keel.cli;

import dev.keel.app.report.GithubReport;
import dev.keel.app.report.MarkdownReport;
import dev.keel.app.report.SarifReport;
import dev.keel.app.report.TextReport;
import dev.keel.check.CheckMigrations;
import dev.keel.check.CheckPolicy;
import dev.keel.check.CheckReport;
import dev.keel.check.CheckSettings;
import dev.keel.check.Finding;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.connect.TargetParser;
import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrationSection;
import dev.keel.migrate.ShadowAnalysis;
import dev.keel.migrate.shadow.ShadowOptions;
import dev.keel.migrate.shadow.ShadowResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "check",
        description =
                "Check migrations for locks and rewrites that would hurt a live database; exit 1 on an error-level finding.")
final class CheckCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        sarif,
        github,
        markdown
    }

    @ParentCommand
    KeelCommand parent;

    @Parameters(
            arity = "0..*",
            paramLabel = "PATH",
            description = "Files or directories to check (default: the project's pending migrations).")
    List<Path> paths;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json, sarif, github or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--pg-version",
            paramLabel = "MAJOR",
            description = "PostgreSQL major version to check for (default: the server's, or check.postgresVersion).")
    Integer pgVersion;

    @Option(
            names = "--changed-since",
            paramLabel = "GIT-REV",
            description = "Check only the given files changed since this git revision.")
    String changedSince;

    @Option(
            names = "--shadow",
            description =
                    "Also run the pending migrations on a shadow database and report the locks, rewrites and scans seen.")
    boolean shadow;

    @Option(
            names = "--shadow-url",
            paramLabel = "URL",
            description = "Server for the shadow database (default: the project's embedded PostgreSQL).")
    String shadowUrl;

    @Option(
            names = "--shadow-row-limit",
            paramLabel = "ROWS",
            defaultValue = "100000",
            description =
                    "A lock that blocks writes on a table with at least this many rows on the target is an error (default: ${DEFAULT-VALUE}).")
    long shadowRowLimit;

    @Option(
            names = "--scale",
            paramLabel = "SHARE",
            description =
                    "With --shadow: fill each shadow table with this share (0 to 1) of its estimated rows on the target, so durations mean"
                            + " something (default: 0, schema only).")
    String scale;

    @Option(
            names = "--scale-cap",
            paramLabel = "ROWS",
            defaultValue = "1000000",
            description = "With --scale: the most synthetic rows one table gets (default: ${DEFAULT-VALUE}).")
    long scaleCap;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        Integer configured = pgVersion != null ? pgVersion : cli.config().get(MigrationSection.CHECK_POSTGRES_VERSION);
        List<Path> given = paths == null || paths.isEmpty() ? List.of() : paths;
        if (changedSince != null) {
            given = GitChanges.since(cli.projectDir(), changedSince, given.isEmpty() ? List.of(Path.of(".")) : given);
        }
        long started = System.nanoTime();
        CheckReport report = given.isEmpty() && changedSince == null
                ? CheckMigrations.pending(cli.database(), cli.migrationSettings(), configured)
                : CheckMigrations.paths(
                        cli.projectDir(),
                        given,
                        configured != null ? configured : CheckMigrations.DEFAULT_POSTGRES_VERSION,
                        CheckPolicy.of(CheckSettings.from(cli.config())));
        ShadowOptions shadowOptions =
                new ShadowOptions(shadowRowLimit, scale == null ? 0 : ShadowOptions.parseScale(scale), scaleCap);
        if (scale != null && !shadow) {
            throw new KeelException(
                    CoreError.COMMAND_LINE,
                    "--scale fills the shadow database, which only --shadow builds",
                    "add --shadow or drop --scale");
        }
        if (shadow) {
            if (!given.isEmpty() || changedSince != null) {
                throw new KeelException(
                        CoreError.COMMAND_LINE,
                        "--shadow checks the project's pending migrations, not given files",
                        "drop the paths (and --changed-since) or drop --shadow");
            }
            report = withShadowFindings(cli, report, shadowOptions);
        }
        Format chosen = cli.json() ? Format.json : format;
        switch (chosen) {
            case json -> {
                Map<String, Object> document = json(report);
                // In-process time of reading and checking, for the benchmark's files-per-second figure.
                document.put("elapsedMillis", (System.nanoTime() - started) / 1_000_000.0);
                cli.printJson(document);
            }
            case sarif -> cli.printJson(SarifReport.render(report, new KeelCommand.Version().getVersion()[0]));
            case github -> cli.out().print(GithubReport.render(report));
            case markdown -> cli.out().print(MarkdownReport.render(report));
            default -> cli.out().print(TextReport.render(report));
        }
        return report.errors() > 0 ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }

    private CheckReport withShadowFindings(CliContext cli, CheckReport report, ShadowOptions options) {
        DatabaseTarget server =
                shadowUrl != null ? TargetParser.parse(shadowUrl, null, null, "--shadow-url") : cli.embeddedTarget();
        DatabaseTarget maintenance = server.database().isEmpty() ? server.withDatabase("postgres") : server;
        ShadowResult result = new ShadowAnalysis(
                        cli.database(),
                        ConnectionSource.of(maintenance),
                        name -> ConnectionSource.of(maintenance.withDatabase(name)),
                        cli.migrationSettings(),
                        options)
                .run();
        result.warnings().forEach(line -> cli.err().println("keel: warning: " + line));
        if (options.scale() > 0) {
            cli.err()
                    .println("keel: shadow filled with " + result.fill().total() + " synthetic rows in "
                            + result.fill().rows().size() + " tables ("
                            + result.fill().millis() + " ms)");
        }
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(result.findings());
        return report.withFindings(all);
    }

    private static Map<String, Object> json(CheckReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", report.files());
        m.put("statements", report.statements());
        m.put("errors", report.errors());
        m.put("warnings", report.warnings());
        m.put("startAfter", report.startAfter());
        m.put("skippedFiles", report.skippedFiles());
        m.put("excluded", report.excluded());
        m.put("findings", report.findings().stream().map(CheckCommand::finding).toList());
        m.put(
                "waived",
                report.waived().stream()
                        .map(w -> {
                            Map<String, Object> f = finding(w.finding());
                            f.put("reason", w.reason());
                            f.put("waivedBy", w.by());
                            return f;
                        })
                        .toList());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().label());
        m.put("file", f.file());
        m.put("line", f.line());
        m.put("column", f.column());
        m.put("message", f.message());
        m.put("fix", f.fix());
        m.put("source", f.source());
        return m;
    }
}
