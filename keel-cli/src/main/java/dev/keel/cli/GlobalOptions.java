package dev.keel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after its name. */
public final class GlobalOptions {

    @Option(
            names = "-C",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Run as if started in DIR (the project directory: keel.yaml, db/, .keel/).")
    Path directory;

    @Option(
            names = "--url",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description =
                    "Database URL (postgresql://… or jdbc:postgresql://…); wins over KEEL_URL, keel.yaml and PG* variables.")
    String url;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "Configuration file (default: keel.yaml in the project directory).")
    Path config;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print exactly one JSON document on stdout; progress goes to stderr.")
    boolean json;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description =
                    "Show the cause chain of errors, and the server's NOTICE and INFO messages a migration raises (WARNINGs always show).")
    boolean verbose;
}
