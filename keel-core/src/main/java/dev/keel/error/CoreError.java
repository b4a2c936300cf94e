package dev.keel.error;

/** Failures of keel-core: configuration, connections, SQL scripts, PostgreSQL binaries and processes. */
public enum CoreError implements ErrorCode {
    CONFIG_INVALID(ExitCode.USAGE, "keel.yaml or a KEEL_* variable holds a value keel cannot use"),
    CONFIG_UNKNOWN_KEY(ExitCode.USAGE, "keel.yaml names a key keel does not know (a typo or a key of a newer keel)"),
    CONFIG_MALFORMED(
            ExitCode.USAGE,
            "keel.yaml is not valid YAML, or holds a list or a single value where a section belongs, or a key twice"),
    CONFIG_VARIABLE_UNSET(ExitCode.USAGE, "keel.yaml refers to an environment variable with ${VAR} that is not set"),
    CONFIG_NOT_FOUND(ExitCode.USAGE, "the configuration file named with --config does not exist"),
    CONFIG_UNREADABLE(ExitCode.USAGE, "the configuration file exists but cannot be read (permissions)"),
    PROJECT_MISSING(ExitCode.USAGE, "the project directory named with -C does not exist"),
    SETUP_INVALID(
            ExitCode.USAGE,
            "a facade (Keel, Backups, Insight) was configured with contradicting settings, or without one the call needs"),
    URL_INVALID(
            ExitCode.USAGE,
            "the database URL cannot be parsed, or one of its parts (port, sslmode) holds a value keel cannot use"),
    DATABASE_UNREACHABLE(ExitCode.UNREACHABLE, "the database server did not answer"),
    AUTHENTICATION_FAILED(ExitCode.UNREACHABLE, "the database server refused the user or password"),
    DATABASE_MISSING(ExitCode.UNREACHABLE, "the database named in the URL does not exist on the server"),
    DATABASE_BUSY(
            ExitCode.UNREACHABLE,
            "the database server runs but takes no new connections now (starting up, shutting down, or every connection in use)"),
    DATASOURCE_FAILED(ExitCode.UNREACHABLE, "the application's DataSource handed keel no connection"),
    SQL_SYNTAX(
            ExitCode.FAILED, "a script cannot be split into statements (an unterminated quote or a psql meta-command)"),
    BINARIES_MISSING(
            ExitCode.USAGE,
            "the PostgreSQL server programs keel needs (of the version it needs) were not found where keel was told or looked"),
    EMBEDDED_NOT_CREATED(
            ExitCode.USAGE, "keel db was asked about an embedded PostgreSQL that keel db start has not created yet"),
    EMBEDDED_FAILED(ExitCode.OPERATION, "the embedded PostgreSQL could not be unpacked, prepared, started or stopped"),
    PROCESS_FAILED(
            ExitCode.OPERATION,
            "a PostgreSQL program keel ran (initdb, pg_ctl, postgres) could not start, failed or did not finish in time"),
    PORT_UNAVAILABLE(ExitCode.OPERATION, "keel found no free local TCP port for a PostgreSQL server it starts"),
    PRIVILEGE_MISSING(
            ExitCode.OPERATION,
            "the role lacks a privilege the command needs; the line names the GRANT or the pre-created schema that fixes it"),
    SERVER_IN_RECOVERY(
            ExitCode.USAGE,
            "the server is a hot standby (in recovery) and accepts no writes: point the command at the primary"),
    LOCK_TIMEOUT(
            ExitCode.OPERATION, "a schema change could not get its lock within the lock timeout, after every retry"),
    IO_FAILED(ExitCode.OPERATION, "reading or writing a local file failed"),
    INTERRUPTED(ExitCode.INTERRUPTED, "keel was stopped by Ctrl-C or SIGTERM"),
    COMMAND_LINE(ExitCode.USAGE, "the command line names an unknown command or option, or misses a required one"),
    BUG(
            ExitCode.BUG,
            "an internal invariant of keel broke: a Keel bug; report it with the output of the command run with -v");

    private final ExitCode exitCode;
    private final String meaning;

    CoreError(ExitCode exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return ErrorCode.id("CORE", name());
    }

    @Override
    public ExitCode exitCode() {
        return exitCode;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
