package dev.keel.backup.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks a password up in ~/.pgpass (or PGPASSFILE) as libpq does: host:port:database:user:password,
 * '*' matching anything, '\' escaping ':' and '\', the first matching line winning. pgjdbc reads the
 * file for keel's JDBC connections; the replication connection needs the same answer. Not pgjdbc's
 * PgPassParser: it reads the process's environment and a system property of its own, where keel
 * resolves a connection from the environment it is handed (the same in a test as in the CLI).
 */
final class PgPassFile {
    /** libpq matches replication connections against this database name. */
    static final String REPLICATION = "replication";

    private PgPassFile() {}

    static Optional<String> find(String host, int port, String database, String user, Map<String, String> env) {
        Path file = env.get("PGPASSFILE") != null && !env.get("PGPASSFILE").isBlank()
                ? Path.of(env.get("PGPASSFILE"))
                : Path.of(System.getProperty("user.home"), ".pgpass");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return find(Files.readAllLines(file, StandardCharsets.UTF_8), host, port, database, user);
        } catch (IOException e) {
            // An unreadable file is no password, as in libpq; the server then says what is missing.
            return Optional.empty();
        }
    }

    static Optional<String> find(List<String> lines, String host, int port, String database, String user) {
        String[] wanted = {host, String.valueOf(port), database, user};
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() < 5) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < 4 && matches; i++) {
                matches = fields.get(i).equals("*") || fields.get(i).equals(wanted[i]);
            }
            if (matches) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    /** The password is everything after the fourth unescaped ':', colons included. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
