package dev.keel.postgres;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A directory holding initdb, pg_ctl and postgres, and the major version they serve. */
public record PostgresBinaries(Path binDir, int majorVersion, String version) {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");

    public Path program(String name) {
        return binDir.resolve(name);
    }

    public static PostgresBinaries at(Path binDir) {
        Path postgres = binDir.resolve("postgres");
        if (!Files.isExecutable(postgres)) {
            throw new KeelException(
                    CoreError.BINARIES_MISSING,
                    "no PostgreSQL server binaries in " + binDir,
                    "point to the directory that holds initdb, pg_ctl and postgres");
        }
        String out = Processes.run(List.of(postgres.toString(), "--version"), 30, "postgres --version");
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new KeelException(
                    CoreError.BINARIES_MISSING,
                    "cannot tell the version of " + postgres + ": " + out.strip(),
                    "point to a PostgreSQL server installation");
        }
        return new PostgresBinaries(
                binDir, Integer.parseInt(m.group(1)), m.group(1) + (m.group(2) == null ? "" : m.group(2)));
    }

    /** The server binaries installed on this machine (pg_config --bindir, then Debian's layout), if any. */
    public static Optional<PostgresBinaries> system() {
        String override = System.getenv("KEEL_PG_BINDIR");
        if (override != null && !override.isBlank()) {
            return Optional.of(at(Path.of(override)));
        }
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir")
                    .redirectErrorStream(true)
                    .start();
            String dir;
            try (InputStream in = p.getInputStream()) {
                dir = new String(in.readAllBytes()).strip();
            }
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Optional.of(at(Path.of(dir)));
            }
        } catch (IOException e) {
            // no pg_config on PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Path::compareTo)
                        .map(PostgresBinaries::at);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
