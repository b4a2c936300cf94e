package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {
    private static final String MISSING = "hypopg is not installed for PostgreSQL 15 here";

    @Test
    void aPresentPrerequisiteLetsTheTestRun() {
        assertThatCode(() ->
                        Prerequisites.require(true, "KEEL_TEST_REQUIRE_X", MISSING, Map.of("KEEL_TEST_REQUIRE_X", "1")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingOneSkipsWithTheReason() {
        assertThatThrownBy(() -> Prerequisites.require(false, "KEEL_TEST_REQUIRE_X", MISSING, Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(MISSING);
        assertThatThrownBy(() -> Prerequisites.require(
                        false, "KEEL_TEST_REQUIRE_X", MISSING, Map.of("KEEL_TEST_REQUIRE_X", "0")))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingOneFailsWhereTheEnvironmentSaysItWasInstalled() {
        assertThatThrownBy(() -> Prerequisites.require(
                        false, "KEEL_TEST_REQUIRE_X", MISSING, Map.of("KEEL_TEST_REQUIRE_X", "1")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage(MISSING + ", but KEEL_TEST_REQUIRE_X=1 says it must be here");
    }
}
