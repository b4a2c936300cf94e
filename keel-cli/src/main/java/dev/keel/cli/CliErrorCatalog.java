package dev.keel.cli;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel-cli's codes for docs/errors.md. */
public final class CliErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "CLI";
    }

    @Override
    public String title() {
        return "the command line's own helpers: git for --changed-since, the embedded server's state, drill verdicts";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(CliError.values());
    }
}
