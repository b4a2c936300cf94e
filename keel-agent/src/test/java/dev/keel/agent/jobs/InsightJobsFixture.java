package dev.keel.agent.jobs;

import dev.keel.agent.AgentDatabase;
import dev.keel.config.KeelYaml;
import dev.keel.insight.Insight;
import java.nio.file.Path;

/** The insight facade on a fresh database, as the snapshot and doctor jobs use it. */
final class InsightJobsFixture {

    private InsightJobsFixture() {}

    static Insight insight(AgentDatabase db, Path dir) {
        return Insight.configure()
                .config(KeelYaml.defaults(dir))
                .connections(db.source())
                .load();
    }
}
