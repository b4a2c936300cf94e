package dev.keel.backup.restore;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.postgres.EmbeddedBinaries;
import dev.keel.postgres.PostgresBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL only starts a data directory of its own major version, so restore looks for exactly
 * that one: a directory the user names, the bundled 17, the distribution's usual places, pg_config.
 */
public final class ServerBinaries {
    private ServerBinaries() {}

    /** @param configured a --pg-bindir the user gave, or null */
    public static PostgresBinaries forMajor(int major, Path configured) {
        if (configured != null) {
            PostgresBinaries given = PostgresBinaries.at(configured);
            if (given.majorVersion() != major) {
                throw new KeelException(
                        CoreError.BINARIES_MISSING,
                        "the backup is of PostgreSQL " + major + " but " + configured + " holds PostgreSQL "
                                + given.version(),
                        "pass the bin directory of a PostgreSQL " + major + " installation");
            }
            return given;
        }
        List<String> seen = new ArrayList<>();
        String bundled = EmbeddedBinaries.bundledVersion();
        if (majorOf(bundled) == major) {
            return EmbeddedBinaries.unpacked();
        }
        seen.add("embedded " + bundled);
        for (Path dir :
                List.of(Path.of("/usr/lib/postgresql/" + major + "/bin"), Path.of("/usr/pgsql-" + major + "/bin"))) {
            if (Files.isExecutable(dir.resolve("postgres"))) {
                return PostgresBinaries.at(dir);
            }
        }
        Optional<PostgresBinaries> system = PostgresBinaries.system();
        if (system.isPresent()) {
            if (system.get().majorVersion() == major) {
                return system.get();
            }
            seen.add(system.get().version() + " in " + system.get().binDir());
        }
        throw new KeelException(
                CoreError.BINARIES_MISSING,
                "the backup is of PostgreSQL " + major + " and this machine has no PostgreSQL " + major
                        + " server binaries (found: " + String.join(", ", seen) + ")",
                "install PostgreSQL " + major + "'s server package, or pass --pg-bindir with its bin directory");
    }

    static int majorOf(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}
