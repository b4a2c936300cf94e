package dev.keel.insight;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel-insight's codes for docs/errors.md. */
public final class InsightErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "INSIGHT";
    }

    @Override
    public String title() {
        return "statement statistics, index advice and the doctor";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(InsightError.values());
    }
}
