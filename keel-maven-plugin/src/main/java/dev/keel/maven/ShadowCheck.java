package dev.keel.maven;

import dev.keel.app.Project;
import dev.keel.check.CheckReport;
import dev.keel.check.Finding;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.connect.TargetParser;
import dev.keel.migrate.ShadowAnalysis;
import dev.keel.migrate.shadow.ShadowOptions;
import dev.keel.migrate.shadow.ShadowResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * keel check --shadow: the pending migrations run on a throwaway copy of the schema, on the given server or the
 * project's embedded PostgreSQL, and the locks, rewrites and scans PostgreSQL took join the static findings.
 */
final class ShadowCheck {

    private ShadowCheck() {}

    static CheckReport withFindings(
            Project project, CheckReport report, String shadowUrl, ShadowOptions options, Log log) {
        DatabaseTarget server =
                shadowUrl != null ? TargetParser.parse(shadowUrl, null, null, "shadowUrl") : project.embeddedTarget();
        DatabaseTarget maintenance = server.database().isEmpty() ? server.withDatabase("postgres") : server;
        ShadowResult result = new ShadowAnalysis(
                        project.database(),
                        ConnectionSource.of(maintenance),
                        name -> ConnectionSource.of(maintenance.withDatabase(name)),
                        project.migrationSettings(),
                        options)
                .run();
        result.warnings().forEach(line -> log.warn("keel: " + line));
        if (options.scale() > 0) {
            log.info("keel: shadow filled with " + result.fill().total() + " synthetic rows in "
                    + result.fill().rows().size() + " tables (" + result.fill().millis() + " ms)");
        }
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(result.findings());
        return report.withFindings(all);
    }
}
