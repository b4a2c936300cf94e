package dev.keel.testing.live;

/**
 * One version of the application: its name ("old", "new"), the search_path its connections set (the
 * schema that presents its shape; PostgreSQL skips schemas in the path that do not exist yet), what
 * it runs, and how many reader and writer threads run it, each on its own connection.
 */
public record Side(String name, String searchPath, ApplicationStatements statements, int readers, int writers) {

    public Side {
        if (name == null || name.isBlank() || searchPath == null || searchPath.isBlank() || statements == null) {
            throw new IllegalArgumentException("a side needs a name, a search_path and its statements");
        }
        if (readers < 0 || writers < 0 || readers + writers == 0) {
            throw new IllegalArgumentException("side " + name + " needs at least one reader or writer thread");
        }
    }

    /** Two readers and two writers. */
    public static Side of(String name, String searchPath, ApplicationStatements statements) {
        return new Side(name, searchPath, statements, 2, 2);
    }

    public Side readers(int count) {
        return new Side(name, searchPath, statements, count, writers);
    }

    public Side writers(int count) {
        return new Side(name, searchPath, statements, readers, count);
    }
}
