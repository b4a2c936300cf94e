package dev.keel.maven;

import dev.keel.app.Project;
import dev.keel.app.report.TextReport;
import dev.keel.check.CheckMigrations;
import dev.keel.check.CheckPolicy;
import dev.keel.check.CheckReport;
import dev.keel.check.CheckSettings;
import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrationSection;
import dev.keel.migrate.shadow.ShadowOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * keel check: the pending migrations (or the given files) against the safety rules. The findings go to the build
 * log and to a SARIF file for code scanning; an error-level finding fails the build.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends KeelMojo {
    /** How many error findings the failure message repeats; all of them are in the log and the SARIF file. */
    static final int FINDINGS_IN_MESSAGE = 10;

    /**
     * Files or directories to check instead of the project's pending migrations (keel check PATH…); these need no
     * database.
     */
    @Parameter(property = "keel.paths")
    List<File> paths;

    /** The PostgreSQL major version to check for (--pg-version; default: the server's, or check.postgresVersion). */
    @Parameter(property = "keel.pgVersion")
    Integer pgVersion;

    /** Where the SARIF 2.1.0 report goes, for GitHub code scanning and other SARIF viewers. */
    @Parameter(property = "keel.sarifFile", defaultValue = "${project.build.directory}/keel/keel-check.sarif")
    File sarifFile;

    /** Fail the build on an error-level finding; false only reports (the SARIF file is written either way). */
    @Parameter(property = "keel.failOnError", defaultValue = "true")
    boolean failOnError;

    /**
     * Also run the pending migrations on a shadow database and report the locks, rewrites and scans seen (--shadow).
     */
    @Parameter(property = "keel.shadow", defaultValue = "false")
    boolean shadow;

    /** Server for the shadow database (--shadow-url; default: the project's embedded PostgreSQL). */
    @Parameter(property = "keel.shadowUrl")
    String shadowUrl;

    /** A lock that blocks writes on a table with at least this many rows on the target is an error. */
    @Parameter(property = "keel.shadowRowLimit", defaultValue = "100000")
    long shadowRowLimit;

    /** With shadow: fill each shadow table with this share (0 to 1) of its estimated rows on the target (--scale). */
    @Parameter(property = "keel.scale")
    String scale;

    /** With scale: the most synthetic rows one table gets (--scale-cap). */
    @Parameter(property = "keel.scaleCap", defaultValue = "1000000")
    long scaleCap;

    @Override
    void run(Project project) throws MojoFailureException {
        List<Path> given =
                paths == null ? List.of() : paths.stream().map(File::toPath).toList();
        // Settings that contradict each other stop the goal before it reaches for a database.
        ShadowOptions shadowOptions = shadowOptions(!given.isEmpty());
        Integer configured =
                pgVersion != null ? pgVersion : project.config().get(MigrationSection.CHECK_POSTGRES_VERSION);
        CheckReport report = given.isEmpty()
                ? CheckMigrations.pending(project.database(), project.migrationSettings(), configured)
                : CheckMigrations.paths(
                        project.dir(),
                        given,
                        configured != null ? configured : CheckMigrations.DEFAULT_POSTGRES_VERSION,
                        CheckPolicy.of(CheckSettings.from(project.config())));
        if (shadowOptions != null) {
            report = ShadowCheck.withFindings(project, report, shadowUrl, shadowOptions, getLog());
        }
        log(getLog(), report);
        if (sarifFile != null) {
            SarifFile.write(sarifFile.toPath(), report);
            getLog().info("keel: SARIF report written to " + sarifFile);
        }
        if (report.errors() > 0 && failOnError) {
            throw new MojoFailureException(failure(report));
        }
    }

    /** The shadow analysis's options, null without shadow. */
    private ShadowOptions shadowOptions(boolean pathsGiven) {
        if (!shadow) {
            if (scale != null) {
                throw new KeelException(
                        CoreError.COMMAND_LINE,
                        "scale fills the shadow database, which only shadow builds",
                        "set shadow to true or drop scale");
            }
            return null;
        }
        if (pathsGiven) {
            throw new KeelException(
                    CoreError.COMMAND_LINE,
                    "shadow checks the project's pending migrations, not given paths",
                    "drop paths or drop shadow");
        }
        return new ShadowOptions(shadowRowLimit, scale == null ? 0 : ShadowOptions.parseScale(scale), scaleCap);
    }

    /** The text report, at the level of its worst finding, so the log's colours say what matters. */
    static void log(Log log, CheckReport report) {
        Consumer<CharSequence> level = report.errors() > 0 ? log::error : report.warnings() > 0 ? log::warn : log::info;
        TextReport.render(report).lines().filter(line -> !line.isBlank()).forEach(level);
    }

    static String failure(CheckReport report) {
        StringBuilder message = new StringBuilder("keel check found ")
                .append(report.errors())
                .append(report.errors() == 1 ? " error" : " errors")
                .append(" — fix the migration or waive the finding (see the report above and the SARIF file)");
        report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .limit(FINDINGS_IN_MESSAGE)
                .map(CheckMojo::oneLine)
                .forEach(line ->
                        message.append(System.lineSeparator()).append("  ").append(line));
        return message.toString();
    }

    private static String oneLine(Finding f) {
        return f.file() + ":" + f.line() + ":" + f.column() + ": " + f.rule() + ": " + f.message();
    }
}
