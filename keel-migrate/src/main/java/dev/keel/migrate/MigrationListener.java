package dev.keel.migrate;

import java.time.Duration;

/** What a migration run reports while it works; the CLI prints it to stderr, an application may log it. */
public interface MigrationListener {

    MigrationListener SILENT = new MigrationListener() {};

    default void info(String message) {}

    default void warn(String message) {}

    default void applying(MigrationScript script) {}

    default void applied(MigrationScript script, long millis) {}

    /** The server said something while a migration ran; WARNINGs deserve to be seen, NOTICEs are detail. */
    default void notice(ServerNotice notice) {}

    default void retrying(MigrationScript script, int attempt, int of, Duration wait, String why) {}
}
