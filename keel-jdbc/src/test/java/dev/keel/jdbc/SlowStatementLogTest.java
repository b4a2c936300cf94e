package dev.keel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowStatementLogTest {

    @Test
    void namesParameterTypesButNeverValues() {
        String message = SlowStatementLog.message(250_000_000L, "SELECT * FROM users WHERE email = ? AND id = ?", "Signup.find",
                List.of(Map.of("2", 17L, "1", "alice@example.com")));

        assertThat(message).isEqualTo("slow statement (250 ms, from Signup.find): SELECT * FROM users WHERE email = ? AND id = ?"
                + " parameters [$1 String, $2 Long]");
        assertThat(message).doesNotContain("alice").doesNotContain("17");
    }

    @Test
    void onlyStatementsAtOrAboveTheThresholdAreSlow() {
        List<String> logged = new ArrayList<>();
        SlowStatementLog log = new SlowStatementLog(1_000_000L, logged::add);

        assertThat(log.isSlow(999_999L)).isFalse();
        assertThat(log.isSlow(1_000_000L)).isTrue();
        log.log(2_000_000L, "SELECT ?", null, List.of());
        assertThat(logged).containsExactly("slow statement (2 ms): SELECT ?");
    }
}
