package dev.keel.flags;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel-flags' codes for docs/errors.md. */
public final class FlagErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "FLAGS";
    }

    @Override
    public String title() {
        return "feature flags: keel flags and the flag client";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(FlagError.values());
    }
}
