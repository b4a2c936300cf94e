package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.RuleCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrateRefusesTest {
    private final MigrateRefuses rule = new MigrateRefuses();

    @Test
    void errTransactionControlInAFileKeelRuns() {
        assertThat(RuleCheck.where(rule, 17, """
                BEGIN;
                ALTER TABLE orders ADD COLUMN note text;
                COMMIT;
                """))
                .containsExactly("V1.sql:1:1 migrate-refuses", "V1.sql:3:1 migrate-refuses");
        assertThat(RuleCheck.run(rule, 17, "start transaction;\nselect 1;")
                        .get(0)
                        .message())
                .startsWith("START TRANSACTION in a migration");
    }

    @Test
    void errMixingConcurrentlyWithTransactionalStatements() {
        var finding = RuleCheck.run(rule, 17, """
                ALTER TABLE orders ADD COLUMN note text;
                CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
                """).get(0);
        assertThat(finding.line()).isEqualTo(2);
        assertThat(finding.message()).contains("cannot run in a transaction").contains("line 1 holds");
        assertThat(finding.fix()).startsWith("move the statements");
    }

    @Test
    void okConcurrentlyAloneAndSavepoints() {
        assertThat(RuleCheck.where(rule, 17, "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "SAVEPOINT a;\nALTER TABLE orders ADD COLUMN note text;\nROLLBACK TO SAVEPOINT a;"))
                .isEmpty();
    }

    @Test
    void givenFilesAreJudgedWhenNamedAsKeelMigrations() {
        String sql = "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;\n";
        Checker outsideKeel = new Checker(List.of(rule), 17, false);
        assertThat(outsideKeel
                        .check(List.of(new CheckInput("db/migrations/V7__note.sql", sql)))
                        .findings())
                .extracting(Finding::rule)
                .containsOnly("migrate-refuses");
        assertThat(outsideKeel
                        .check(List.of(new CheckInput("sql/deploy/note.sql", sql)))
                        .findings())
                .isEmpty();
    }

    @Test
    void errAHeaderDirectiveKeelCannotRead() {
        assertThat(RuleCheck.run(rule, 17, "-- keel:lock-timeout soon\nALTER TABLE orders ADD COLUMN note text;"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("keel:lock-timeout soon")
                        .endsWith("keel migrate refuses the file"));
        assertThat(RuleCheck.run(rule, 17, "-- keel:lock-timeout 5s\nALTER TABLE orders ADD COLUMN note text;"))
                .isEmpty();
    }
}
