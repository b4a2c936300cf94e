package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeResult;
import dev.keel.migrate.ChangeVerbs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text line a change verb prints when it is done names the change, its script and the seconds it took. */
class ActiveChangeRunnerTest {

    private static final ChangeResult RESULT =
            new ChangeResult("3", "V3__rename.yaml", "completed", List.of("rename column"), false, 2_000);

    @Test
    void doneLineFillsTheVersionScriptAndSecondsIntoTheVerbsFormat() {
        ActiveChangeRunner runner = new ActiveChangeRunner(ChangeVerbs::complete, "Completed V%s (%s) in %.0f s.%n");

        assertThat(runner.doneLine(RESULT))
                .isEqualTo("Completed V3 (V3__rename.yaml) in 2 s." + System.lineSeparator());
    }

    @Test
    void doneLineKeepsTheTenthsOfASecond() {
        ActiveChangeRunner runner = new ActiveChangeRunner(ChangeVerbs::rollback, "%3$.1f");

        assertThat(runner.doneLine(RESULT)).matches("2[.,]0");
    }
}
