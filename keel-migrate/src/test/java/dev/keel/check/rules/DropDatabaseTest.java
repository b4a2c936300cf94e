package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class DropDatabaseTest {
    private final DropDatabase rule = new DropDatabase();

    @Test
    void errDropDatabase() {
        assertThat(RuleCheck.where(rule, 17, "drop database legacy;")).containsExactly("V1.sql:1:1 drop-database");
        assertThat(RuleCheck.run(rule, 17, "DROP DATABASE IF EXISTS legacy WITH (FORCE);")
                        .get(0)
                        .message())
                .isEqualTo(
                        "DROP DATABASE legacy deletes the database and all its data for good; no migration can undo it");
    }

    @Test
    void okDropOtherThings() {
        assertThat(RuleCheck.where(rule, 17, "drop table if exists legacy;")).isEmpty();
        assertThat(RuleCheck.where(rule, 17, "drop schema legacy cascade;")).isEmpty();
    }
}
