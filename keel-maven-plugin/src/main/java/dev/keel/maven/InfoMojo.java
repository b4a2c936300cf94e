package dev.keel.maven;

import dev.keel.app.Project;
import dev.keel.migrate.Info;
import dev.keel.migrate.InfoResult;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;

/** keel info: the applied and pending migrations with their state, as a table in the build log. */
@Mojo(name = "info", requiresProject = false, threadSafe = true)
public class InfoMojo extends KeelMojo {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String ROW = "%-16s %-34s %-11s %-15s %-19s %s";

    @Override
    void run(Project project) {
        report(getLog(), Info.run(project.database(), project.migrationSettings()));
    }

    static void report(Log log, InfoResult result) {
        log.info(result.database() + ": "
                + (result.currentVersion() == null ? "no version applied" : "at version " + result.currentVersion()));
        if (result.migrations().isEmpty()) {
            log.info("No migrations found.");
            return;
        }
        log.info(String.format(ROW, "VERSION", "DESCRIPTION", "TYPE", "STATE", "INSTALLED ON", "TIME"));
        for (InfoResult.Row row : result.migrations()) {
            log.info(String.format(
                    ROW,
                    row.version() == null ? "R" : row.version(),
                    shorten(row.description(), 34),
                    row.type().toLowerCase(),
                    row.state(),
                    row.installedOn() == null
                            ? ""
                            : WHEN.format(row.installedOn().atZoneSameInstant(ZoneId.systemDefault())),
                    row.executionMillis() == null ? "" : row.executionMillis() + " ms"));
        }
        log.info(String.format("%d applied, %d pending.", result.count("applied"), result.count("pending")));
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
