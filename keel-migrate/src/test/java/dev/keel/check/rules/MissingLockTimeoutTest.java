package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingLockTimeoutTest {
    private final MissingLockTimeout rule = new MissingLockTimeout();

    private List<String> whereOutsideKeel(String... files) {
        return RuleCheck.runOutsideKeel(rule, 17, files).stream()
                .map(f -> f.file() + ":" + f.line() + ":" + f.column() + " " + f.rule())
                .toList();
    }

    @Test
    void errDdlWithoutLockTimeout() {
        assertThat(
                        whereOutsideKeel(
                                "create table t (id bigint);\nalter table orders add column note text;\nalter table orders drop column legacy;"))
                .containsExactly("V1.sql:2:1 missing-lock-timeout");
        assertThat(RuleCheck.runOutsideKeel(rule, 17, "alter table orders add column note text;")
                        .get(0)
                        .message())
                .isEqualTo("ALTER TABLE waits for an ACCESS EXCLUSIVE lock on orders with no lock_timeout: "
                        + "while it waits, it holds up every read and write on orders");
    }

    @Test
    void errOncePerFile() {
        assertThat(whereOutsideKeel(
                        "set lock_timeout = '5s';\ncreate index i on orders (x);", "create index j on orders (y);"))
                .containsExactly("V2.sql:1:1 missing-lock-timeout");
    }

    @Test
    void errTimeoutSwitchedOff() {
        assertThat(whereOutsideKeel("set lock_timeout = 0;\nalter table orders add column note text;"))
                .hasSize(1);
        assertThat(whereOutsideKeel(
                        "set lock_timeout to '2s';\nreset lock_timeout;\nalter table orders add column note text;"))
                .hasSize(1);
    }

    @Test
    void okWithLockTimeout() {
        assertThat(whereOutsideKeel("SET lock_timeout = '5s';\nalter table orders add column note text;"))
                .isEmpty();
        assertThat(
                        whereOutsideKeel(
                                "set local lock_timeout to 3000;\ncreate trigger t after insert on orders for each row execute function f();"))
                .isEmpty();
        assertThat(whereOutsideKeel("select set_config('lock_timeout', '5s', false);\ntruncate orders;"))
                .isEmpty();
    }

    @Test
    void okNewTablesAndPlainStatements() {
        assertThat(
                        whereOutsideKeel(
                                "create table t (id bigint);\nalter table t add column note text;\ninsert into orders values (1);"))
                .isEmpty();
    }

    @Test
    void okWhenKeelRunsTheFiles() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column note text;"))
                .isEmpty();
    }
}
