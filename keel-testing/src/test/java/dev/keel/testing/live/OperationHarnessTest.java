package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OperationHarnessTest {
    private static final ApplicationStatements NOTHING = (kind, c, key, random) -> {};

    @Test
    void sidesMustBeNamedForTheirRole() {
        OperationHarness harness = OperationHarness.on("jdbc:postgresql://127.0.0.1:1/none", new Random(1));
        assertThatThrownBy(() -> harness.oldSide(Side.of("v1", "public", NOTHING)))
                .hasMessage("this side must be named old, not v1");
    }

    @Test
    void aHarnessWithoutAComparisonQueryRefusesToRun() {
        OperationHarness harness = OperationHarness.on("jdbc:postgresql://127.0.0.1:1/none", new Random(1))
                .oldSide(Side.of("old", "public", NOTHING))
                .newSide(Side.of("new", "public_v2", NOTHING));
        assertThatThrownBy(() -> harness.startThenComplete(() -> {}, () -> {}, () -> {}))
                .hasMessage("the harness needs an old side, a new side and a comparison query");
    }

    @Test
    void aRunUnderLoadWithoutASeededRandomRefusesToRun() {
        OperationHarness harness = OperationHarness.on("jdbc:postgresql://127.0.0.1:1/none")
                .oldSide(Side.of("old", "public", NOTHING))
                .newSide(Side.of("new", "public_v2", NOTHING))
                .compare("select 1");
        assertThatThrownBy(() -> harness.startThenRollback(() -> {}, () -> {}, () -> {}))
                .hasMessage("a run under load needs a seeded Random: OperationHarness.on(url, random)");
    }

    @Test
    void aVerbRunWithoutTheEnginesVerbsRefusesToRun() {
        OperationHarness harness =
                OperationHarness.on("jdbc:postgresql://127.0.0.1:1/none").versions("public_v1", "public_v2");
        assertThatThrownBy(harness::start).hasMessage("the harness needs the engine's verbs and the versions' schemas");
    }

    @Test
    void aVerbRunWithoutTheVersionsSchemasRefusesToRunTheVerb() {
        boolean[] ran = {false};
        OperationHarness harness = OperationHarness.on("jdbc:postgresql://127.0.0.1:1/none")
                .verbs(() -> ran[0] = true, () -> ran[0] = true, () -> ran[0] = true);
        assertThatThrownBy(harness::complete)
                .hasMessage("the harness needs the engine's verbs and the versions' schemas");
        assertThat(ran[0]).as("the verb ran").isFalse();
    }
}
