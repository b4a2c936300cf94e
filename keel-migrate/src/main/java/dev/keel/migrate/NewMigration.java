package dev.keel.migrate;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.sql.SqlResources;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the next versioned migration file: SQL, or a change file with a commented skeleton of its operations.
 * Numbering follows the project: 1, 2, 3 … or, where the project already uses timestamps, a UTC timestamp (which
 * keeps parallel branches from colliding).
 */
public final class NewMigration {
    private static final BigInteger TIMESTAMP_FLOOR = new BigInteger("10000000");

    public record Result(Path file, String version) {}

    private NewMigration() {}

    /** What the new file is: SQL, or a YAML change file run as a zero-downtime change. */
    public enum Kind {
        SQL,
        CHANGE
    }

    public static Result create(MigrationSettings settings, String description, LocalDateTime nowUtc) {
        return create(settings, description, nowUtc, Kind.SQL);
    }

    public static Result create(MigrationSettings settings, String description, LocalDateTime nowUtc, Kind kind) {
        String slug = description
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new KeelException(
                    MigrateError.DESCRIPTION_INVALID,
                    "the description '" + description + "' has no letters or digits",
                    "describe the change, e.g. keel new add orders status");
        }
        String location = settings.locations().stream()
                .filter(l -> !l.startsWith("classpath:"))
                .findFirst()
                .orElseThrow(() -> new KeelException(
                        MigrateError.LOCATION_INVALID,
                        "no filesystem migration location is configured",
                        "add one to migrations.locations"));
        Path dir = settings.projectDir()
                .resolve(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED, "cannot create " + dir + ": " + e.getMessage(), "check the permissions", e);
        }
        List<MigrationScript> scripts = settings.resolver().resolve();
        BigInteger highest = scripts.stream()
                .filter(s -> !s.repeatable())
                .map(s -> s.version().major())
                .max(BigInteger::compareTo)
                .orElse(BigInteger.ZERO);
        // A clock behind the newest timestamp version (skew, or versions written in local time) must not go backwards.
        String version = highest.compareTo(TIMESTAMP_FLOOR) >= 0
                ? new BigInteger(nowUtc.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")))
                        .max(highest.add(BigInteger.ONE))
                        .toString()
                : highest.add(BigInteger.ONE).toString();
        Path file = dir.resolve("V" + version + "__" + slug + (kind == Kind.CHANGE ? ".yaml" : ".sql"));
        String oneLine = description.strip().replaceAll("\\R+", " ");
        String header = kind == Kind.CHANGE
                ? SqlResources.load(NewMigration.class, "change-skeleton.yaml", Map.of("description", oneLine))
                : "-- " + oneLine + "\n"
                        + "-- keel runs this file in one transaction with lock_timeout set; CREATE INDEX CONCURRENTLY and the"
                        + " like go in a file of their own.\n\n";
        try {
            Files.writeString(
                    file, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new KeelException(MigrateError.FILE_EXISTS, file + " already exists", "pick another description");
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED, "cannot write " + file + ": " + e.getMessage(), "check the permissions", e);
        }
        return new Result(file, version);
    }

    public static Result create(MigrationSettings settings, String description) {
        return create(settings, description, Kind.SQL);
    }

    public static Result create(MigrationSettings settings, String description, Kind kind) {
        return create(settings, description, LocalDateTime.now(ZoneOffset.UTC), kind);
    }
}
