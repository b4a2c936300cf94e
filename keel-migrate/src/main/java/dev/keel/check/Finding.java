package dev.keel.check;

/**
 * One hazard in one statement. {@code line} and {@code column} are 1-based in {@code file};
 * {@code source} is static (read from the text) or shadow (seen on a shadow database).
 */
public record Finding(
        String rule,
        Severity severity,
        String file,
        int line,
        int column,
        String message,
        String fix,
        String source,
        String excerpt) {}
