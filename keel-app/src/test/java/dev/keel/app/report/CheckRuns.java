package dev.keel.app.report;

import dev.keel.check.CheckInput;
import dev.keel.check.CheckPolicy;
import dev.keel.check.CheckReport;
import dev.keel.check.CheckSettings;
import dev.keel.check.Checker;
import java.util.List;
import java.util.Map;

/** Real check runs for the renderer tests: one narrowed by keel.yaml's check section, one not. */
final class CheckRuns {
    private static final List<CheckInput> FILES = List.of(
            new CheckInput("V1__carts.sql", "create table carts (id bigint primary key);"),
            new CheckInput("V2__drop_sessions.sql", "drop table sessions;"));

    private CheckRuns() {}

    /** startAfter 1 (V1 read for the schema only), prefer-text and prefer-bigint excluded. */
    static CheckReport narrowed() {
        CheckSettings settings = new CheckSettings(null, "1", List.of("prefer-text", "prefer-bigint"), Map.of());
        return Checker.withAllRules(17, CheckPolicy.of(settings)).check(FILES);
    }

    static CheckReport plain() {
        return Checker.withAllRules(17).check(FILES);
    }
}
