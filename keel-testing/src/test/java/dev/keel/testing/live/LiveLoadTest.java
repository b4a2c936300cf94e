package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A plan that could only fail half-way through a change is refused before any thread starts. */
class LiveLoadTest {
    private static final ApplicationStatements NOTHING = (kind, c, key, random) -> {};

    private static LiveLoad twoSides() {
        return LiveLoad.against("jdbc:postgresql://127.0.0.1:1/none", new Random(1))
                .side(Side.of("old", "public", NOTHING))
                .side(Side.of("new", "public_v2", NOTHING));
    }

    @Test
    void aFullRenamePlanIsAccepted() {
        assertThatCode(() -> twoSides()
                        .step("start", () -> {})
                        .launch("new")
                        .compare("select 1")
                        .retire("old")
                        .step("complete", () -> {})
                        .validate())
                .doesNotThrowAnyException();
    }

    @Test
    void comparingBeforeTheNewSideRunsIsRefused() {
        assertThatThrownBy(() -> twoSides().compare("select 1").launch("new").validate())
                .hasMessage("a comparison needs two running sides; running there: [old]");
    }

    @Test
    void comparingWithoutAQueryForARunningSideIsRefused() {
        assertThatThrownBy(() -> twoSides().compare(Map.of("old", "select 1")).validate())
                .hasMessage("the comparison has no query for side new");
    }

    @Test
    void unknownRetiredTwiceAndLaunchedTwiceSidesAreRefused() {
        assertThatThrownBy(() -> twoSides().launch("newest").validate())
                .hasMessage("no side is named newest; sides: [old, new]");
        assertThatThrownBy(() -> twoSides().retire("old").retire("old").validate())
                .hasMessage("side old is retired while not running");
        assertThatThrownBy(() -> twoSides().launch("new").launch("new").validate())
                .hasMessage("side new is launched twice");
        assertThatThrownBy(() -> twoSides().side(Side.of("old", "x", NOTHING))).hasMessage("two sides are named old");
    }

    @Test
    void aSideWithoutThreadsIsRefused() {
        assertThatThrownBy(() -> Side.of("old", "public", NOTHING).readers(0).writers(0))
                .hasMessage("side old needs at least one reader or writer thread");
    }
}
