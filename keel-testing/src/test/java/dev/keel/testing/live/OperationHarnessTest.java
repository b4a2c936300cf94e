package dev.keel.testing.live;

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
}
