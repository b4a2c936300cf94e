package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptDirectivesTest {

    private static MigrationScript script(String content) {
        return new MigrationScript(
                MigrationVersion.parse("7"),
                "backfill",
                MigrationType.VERSIONED,
                "V7__backfill.sql",
                "db/migrations/V7__backfill.sql",
                content,
                Checksum.of(content));
    }

    @Test
    void readsTimeoutsFromTheHeader() {
        ScriptDirectives directives = ScriptDirectives.of(script("""
                -- Backfill order totals
                -- keel:statement-timeout 30min

                -- keel:lock-timeout 5s
                UPDATE orders SET total = 0 WHERE total IS NULL;
                """));

        assertThat(directives.statementTimeout()).contains(Duration.ofMinutes(30));
        assertThat(directives.lockTimeout()).contains(Duration.ofSeconds(5));
    }

    @Test
    void directivesIgnoreCaseAndSpacing() {
        ScriptDirectives directives = ScriptDirectives.of(script("  --KEEL:Lock-Timeout   750ms  \nSELECT 1;"));

        assertThat(directives.lockTimeout()).contains(Duration.ofMillis(750));
        assertThat(directives.statementTimeout()).isEmpty();
    }

    @Test
    void aScriptWithoutHeaderHasNoDirectives() {
        assertThat(ScriptDirectives.of(script("SELECT 1;")))
                .isEqualTo(new ScriptDirectives(Optional.empty(), Optional.empty()));
    }

    @Test
    void directivesAfterTheFirstStatementAreIgnored() {
        ScriptDirectives directives = ScriptDirectives.of(script("""
                -- keel:lock-timeout 5s
                UPDATE orders SET total = 0;
                -- keel:statement-timeout 30min
                -- keel:lock-timeout 1h
                UPDATE orders SET total = 1;
                """));

        assertThat(directives.lockTimeout()).contains(Duration.ofSeconds(5));
        assertThat(directives.statementTimeout()).isEmpty();
    }

    @Test
    void aBadDurationIsRejectedNamingTheFileAndTheLine() {
        assertThatThrownBy(() -> ScriptDirectives.of(script("-- keel:lock-timeout soon\nSELECT 1;")))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> {
                    assertThat(e.what())
                            .startsWith("V7__backfill.sql: -- keel:lock-timeout soon: ")
                            .contains("is not a duration");
                    assertThat(e.todo()).isEqualTo("fix the header comment");
                });
    }

    @Test
    void aDirectiveWithoutValueIsRejected() {
        assertThatThrownBy(() -> ScriptDirectives.of(script("-- keel:statement-timeout\nSELECT 1;")))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("is not a duration");
    }
}
