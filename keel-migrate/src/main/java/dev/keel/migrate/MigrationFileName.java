package dev.keel.migrate;

import java.util.Optional;

/**
 * Flyway's naming, so a Flyway folder works unchanged: {@code V<version>__<description>.sql} and
 * {@code R__<description>.sql}. Undo scripts ({@code U…}) are skipped; any other .sql name is an error.
 */
public final class MigrationFileName {

    public record Parsed(MigrationType type, MigrationVersion version, String description) {}

    private MigrationFileName() {}

    /** Empty for files keel does not run (not .sql, or Flyway undo scripts); an exception for a malformed name. */
    public static Optional<Parsed> parse(String fileName) {
        if (isChangeFile(fileName)) {
            return change(fileName);
        }
        if (!fileName.endsWith(".sql")) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - 4);
        int separator = base.indexOf("__");
        if (base.startsWith("U") && separator > 1 && MigrationVersion.isValid(base.substring(1, separator))) {
            return Optional.empty();
        }
        if (base.startsWith("R__")) {
            String description = description(base.substring(3));
            if (description.isBlank()) {
                throw bad(fileName, "a repeatable migration needs a description after R__");
            }
            return Optional.of(new Parsed(MigrationType.REPEATABLE, null, description));
        }
        if (base.startsWith("V")) {
            if (separator < 0) {
                throw bad(fileName, "the version and the description must be separated by two underscores");
            }
            String version = base.substring(1, separator);
            if (!MigrationVersion.isValid(version)) {
                throw bad(
                        fileName,
                        "'" + version + "' is not a version (use dotted numbers such as 1, 1.1 or 20261123.1)");
            }
            String description = description(base.substring(separator + 2));
            if (description.isBlank()) {
                throw bad(fileName, "a description must follow the two underscores");
            }
            return Optional.of(new Parsed(MigrationType.VERSIONED, MigrationVersion.parse(version), description));
        }
        throw bad(fileName, "migration files start with V (versioned) or R (repeatable)");
    }

    /** V<version>__<description>.yaml (or .yml): a zero-downtime change, ordered with the SQL migrations. */
    public static boolean isChangeFile(String fileName) {
        return fileName.startsWith("V") && (fileName.endsWith(".yaml") || fileName.endsWith(".yml"));
    }

    private static Optional<Parsed> change(String fileName) {
        String base = fileName.substring(0, fileName.lastIndexOf('.'));
        int separator = base.indexOf("__");
        if (separator < 0) {
            throw badChange(fileName, "the version and the description must be separated by two underscores");
        }
        String version = base.substring(1, separator);
        if (!MigrationVersion.isValid(version)) {
            throw badChange(
                    fileName, "'" + version + "' is not a version (use dotted numbers such as 1, 1.1 or 20261123.1)");
        }
        String description = description(base.substring(separator + 2));
        if (description.isBlank()) {
            throw badChange(fileName, "a description must follow the two underscores");
        }
        return Optional.of(new Parsed(MigrationType.CHANGE, MigrationVersion.parse(version), description));
    }

    private static String description(String raw) {
        return raw.replace('_', ' ').strip();
    }

    private static MigrationException badChange(String fileName, String why) {
        return new MigrationException(
                MigrateError.FILE_NAME_INVALID,
                "bad change file name " + fileName + ": " + why,
                "rename it to V<version>__<description>.yaml");
    }

    private static MigrationException bad(String fileName, String why) {
        return new MigrationException(
                MigrateError.FILE_NAME_INVALID,
                "bad migration file name " + fileName + ": " + why,
                "rename it to V<version>__<description>.sql or R__<description>.sql");
    }
}
