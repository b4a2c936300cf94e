package dev.keel.spring;

import dev.keel.migrate.MigrationListener;
import dev.keel.migrate.MigrationScript;
import dev.keel.migrate.ServerNotice;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the command line prints on stderr while migrating, in the application's log instead. */
final class LoggingMigrationListener implements MigrationListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.keel.migrate");

    @Override
    public void info(String message) {
        LOG.info(message);
    }

    @Override
    public void warn(String message) {
        LOG.warn(message);
    }

    @Override
    public void notice(ServerNotice notice) {
        if (notice.warning()) {
            LOG.warn("{}", notice);
        } else {
            LOG.debug("{}", notice);
        }
    }

    @Override
    public void applied(MigrationScript script, long millis) {
        LOG.info(
                "applied {} {} ({} ms)",
                script.repeatable() ? "R" : "V" + script.version(),
                script.description(),
                millis);
    }

    @Override
    public void retrying(MigrationScript script, int attempt, int of, Duration wait, String why) {
        LOG.warn("{}: {} (try {} of {}); retrying in {} ms", script.script(), why, attempt, of, wait.toMillis());
    }
}
