package dev.keel.migrate;

import dev.keel.config.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-file overrides written as comments before the first statement:
 * {@code -- keel:statement-timeout 30min} and {@code -- keel:lock-timeout 5s}.
 */
public record ScriptDirectives(Optional<Duration> statementTimeout, Optional<Duration> lockTimeout) {

    public static ScriptDirectives of(MigrationScript script) {
        Optional<Duration> statement = Optional.empty();
        Optional<Duration> lock = Optional.empty();
        for (String raw : script.content().lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("--")) {
                break;
            }
            String comment = line.substring(2).strip().toLowerCase(Locale.ROOT);
            try {
                if (comment.startsWith("keel:statement-timeout")) {
                    statement = Optional.of(Durations.parse(comment.substring("keel:statement-timeout".length())));
                } else if (comment.startsWith("keel:lock-timeout")) {
                    lock = Optional.of(Durations.parse(comment.substring("keel:lock-timeout".length())));
                }
            } catch (IllegalArgumentException e) {
                throw new MigrationException(
                        MigrateError.DIRECTIVE_INVALID,
                        script.script() + ": " + line + ": " + e.getMessage(),
                        "fix the header comment");
            }
        }
        return new ScriptDirectives(statement, lock);
    }
}
