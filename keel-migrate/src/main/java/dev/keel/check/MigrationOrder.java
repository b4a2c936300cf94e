package dev.keel.check;

import dev.keel.migrate.MigrationVersion;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order {@code keel check DIR} reads files in, the one {@code keel migrate} applies them in:
 * versioned files by version (V2 before V10), then repeatables (R__) by description, then any other
 * file by name. A name without the two underscores (V2.sql) still counts by its version.
 */
public final class MigrationOrder {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)(?:__(.*))?\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.*)\\.sql");

    /** Versioned, then repeatable, then others; within each, by version, description or path. */
    public static final Comparator<Path> FILES = Comparator.comparingInt(MigrationOrder::group)
            .thenComparing(MigrationOrder::version, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.getFileName().toString())
            .thenComparing(Path::toString);

    private MigrationOrder() {}

    private static int group(Path file) {
        String name = file.getFileName().toString();
        if (VERSIONED.matcher(name).matches()) {
            return 0;
        }
        return REPEATABLE.matcher(name).matches() ? 1 : 2;
    }

    private static MigrationVersion version(Path file) {
        return versionOf(file.getFileName().toString());
    }

    /** The version of a versioned file's name (the last path segment counts), or null for any other file. */
    public static MigrationVersion versionOf(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        Matcher m = VERSIONED.matcher(name);
        return m.matches() ? MigrationVersion.parse(m.group(1)) : null;
    }
}
