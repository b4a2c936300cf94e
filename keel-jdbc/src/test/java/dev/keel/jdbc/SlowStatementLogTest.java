package dev.keel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowStatementLogTest {

    @Test
    void namesParameterTypesButNeverValues() {
        ParameterTypes parameters = new ParameterTypes();
        parameters.value(2, 17L);
        parameters.value(1, "alice@example.com");
        String message = SlowStatementLog.message(
                250_000_000L, "SELECT * FROM users WHERE email = ? AND id = ?", "Signup.find", parameters, 1);

        assertThat(message)
                .isEqualTo("slow statement (250 ms, from Signup.find): SELECT * FROM users WHERE email = ? AND id = ?"
                        + " parameters [$1 String, $2 Long]");
        assertThat(message).doesNotContain("alice").doesNotContain("17");
    }

    @Test
    void onlyStatementsAtOrAboveTheThresholdAreSlow() {
        List<String> logged = new ArrayList<>();
        SlowStatementLog log = new SlowStatementLog(1_000_000L, logged::add);

        assertThat(log.isSlow(999_999L)).isFalse();
        assertThat(log.isSlow(1_000_000L)).isTrue();
        log.log(2_000_000L, "SELECT ?", null, null, 1);
        assertThat(logged).containsExactly("slow statement (2 ms): SELECT ?");
    }

    @Test
    void aBatchShowsItsFirstSetAndHowManyThereWere() {
        ParameterTypes first = new ParameterTypes();
        first.value(1, 7L);
        first.nullValue(2);

        assertThat(SlowStatementLog.message(40_000_000L, "INSERT INTO t (a, b) VALUES (...)", null, first, 3))
                .isEqualTo(
                        "slow statement (40 ms): INSERT INTO t (a, b) VALUES (...) parameters [$1 Long, $2 null] (first of 3 sets)");
    }
}
