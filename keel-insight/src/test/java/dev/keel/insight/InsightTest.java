package dev.keel.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.advise.AdviseOptions;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.stats.RankBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the facade refuses without a database, and which settings contradict. */
class InsightTest {
    /** Nothing listens here: an operation that tried to connect would fail with exit 3, not the usage error expected. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/shop";

    @TempDir
    Path dir;

    @Test
    void everyOperationSaysHowToConfigureADatabase() {
        Insight insight = Insight.configure().projectDir(dir).env(Map.of()).load();
        for (ThrowingCallable call : new ThrowingCallable[] {
            insight::snapshot,
            insight::top,
            insight::adviseIndexes,
            insight::doctor,
            () -> insight.pruneSnapshots(Duration.ofDays(7)),
            () -> insight.observe(Duration.ofSeconds(1))
        }) {
            assertUsage(call, "no database is configured", "call url(...), dataSource(...) or connections(...)");
        }
    }

    @Test
    void theAdviceDefaultsUseKeelYamlsSchema() {
        KeelYaml config = KeelYaml.defaults(dir);
        Insight insight = Insight.configure().config(config).env(Map.of()).load();
        assertThat(insight.adviseOptions().keelSchema()).isEqualTo("keel");
        assertThat(Insight.configure()
                        .config(config)
                        .env(Map.of())
                        .schema("stats")
                        .load()
                        .adviseOptions()
                        .keelSchema())
                .isEqualTo("stats");
    }

    @Test
    void theAdviceDefaultsTakeAdviseUnusedAfterFromKeelYamlAndTheWithersChangeOneSettingEach() throws Exception {
        Files.writeString(dir.resolve("keel.yaml"), "advise:\n  unusedAfter: 3d\n");
        AdviseOptions defaults =
                Insight.configure().projectDir(dir).env(Map.of()).load().adviseOptions();
        assertThat(defaults.unusedAfter()).isEqualTo(Duration.ofDays(3));

        AdviseOptions changed =
                defaults.withSince(Duration.ofHours(6)).withMinImprovement(4).withCopyRows(500);
        assertThat(changed)
                .isEqualTo(new AdviseOptions(
                        "keel", Duration.ofHours(6), 10, 4, 500, true, Duration.ZERO, Duration.ofDays(3)));
        assertUsage(
                () -> defaults.withMinImprovement(1),
                "the minimum improvement must be more than 1",
                "--min-improvement");
    }

    @Test
    void badArgumentsAreUsageErrorsBeforeAnyConnection() {
        Insight insight =
                Insight.configure().env(Map.of()).url(NOWHERE, null, null).load();
        assertUsage(
                () -> insight.top(Duration.ofHours(1), RankBy.TOTAL, 0), "the limit must be at least 1", "1 or more");
        assertUsage(
                () -> insight.observe(Duration.ZERO), "the observation time must be positive", "Duration.ofSeconds");
    }

    @Test
    void contradictionsFailAtLoad() {
        ConnectionSource source = ConnectionSource.of(TargetParser.parse(NOWHERE, null, null, "test"));
        assertUsage(
                () -> Insight.configure()
                        .env(Map.of())
                        .url(NOWHERE, null, null)
                        .connections(source)
                        .load(),
                "more than one of a URL, a DataSource and a connection source",
                "one of them");
        assertUsage(
                () -> Insight.configure()
                        .env(Map.of())
                        .config(KeelYaml.defaults(dir.resolve("elsewhere")))
                        .projectDir(dir)
                        .load(),
                "differs from the given configuration's",
                "same directory");
    }

    private static void assertUsage(ThrowingCallable call, String what, String todo) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(ExitCode.USAGE);
            assertThat(e.what()).contains(what);
            assertThat(e.todo()).contains(todo);
        });
    }
}
