package dev.keel.cli;

import dev.keel.migrate.MigrationListener;
import dev.keel.migrate.MigrationScript;
import dev.keel.migrate.ServerNotice;
import java.io.PrintStream;
import java.time.Duration;

/** Progress of a migration run, one line per event on stderr, so stdout stays the report. */
final class StderrListener implements MigrationListener {
    private final PrintStream err;
    private final boolean verbose;

    StderrListener(PrintStream err) {
        this(err, false);
    }

    /** @param verbose also show the server's NOTICE, INFO and LOG messages (WARNINGs are always shown) */
    StderrListener(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void info(String message) {
        err.println("keel: " + message);
    }

    @Override
    public void warn(String message) {
        err.println("keel: warning: " + message);
    }

    @Override
    public void notice(ServerNotice notice) {
        if (notice.warning() || verbose) {
            err.println(notice);
        }
    }

    @Override
    public void applied(MigrationScript script, long millis) {
        err.printf(
                "  applied %-10s %s (%d ms)%n",
                script.repeatable() ? "R" : "V" + script.version(), script.description(), millis);
    }

    @Override
    public void retrying(MigrationScript script, int attempt, int of, Duration wait, String why) {
        err.printf(
                "keel: %s: %s (try %d of %d); retrying in %d ms%n", script.script(), why, attempt, of, wait.toMillis());
    }
}
