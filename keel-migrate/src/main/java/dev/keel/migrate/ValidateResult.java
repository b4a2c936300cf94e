package dev.keel.migrate;

import java.util.List;

/** The outcome of {@code validate}: valid when there is no problem. */
public record ValidateResult(String database, boolean valid, int pending, List<ValidationProblem> problems) {

    public ValidateResult {
        problems = List.copyOf(problems);
    }
}
