package dev.keel.check;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel check's codes for docs/errors.md. */
public final class CheckErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "CHECK";
    }

    @Override
    public String title() {
        return "keel check's settings, the files it is given and git for --changed-since";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(CheckError.values());
    }
}
