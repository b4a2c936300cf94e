package dev.keel.maven;

import dev.keel.migrate.MigrationListener;
import dev.keel.migrate.MigrationScript;
import dev.keel.migrate.ServerNotice;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/** A migration run's progress in the build log, one line per event, as the command line prints it on stderr. */
final class LogListener implements MigrationListener {
    private final Log log;

    LogListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info("keel: " + message);
    }

    @Override
    public void warn(String message) {
        log.warn("keel: " + message);
    }

    /** WARNINGs always show; the server's NOTICE, INFO and LOG messages with mvn -X, as with keel -v. */
    @Override
    public void notice(ServerNotice notice) {
        if (notice.warning()) {
            log.warn(notice.toString());
        } else if (log.isDebugEnabled()) {
            log.debug(notice.toString());
        }
    }

    @Override
    public void applied(MigrationScript script, long millis) {
        log.info(String.format(
                "  applied %-10s %s (%d ms)",
                script.repeatable() ? "R" : "V" + script.version(), script.description(), millis));
    }

    @Override
    public void retrying(MigrationScript script, int attempt, int of, Duration wait, String why) {
        log.info(String.format(
                "keel: %s: %s (try %d of %d); retrying in %d ms", script.script(), why, attempt, of, wait.toMillis()));
    }
}
