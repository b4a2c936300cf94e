package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.Operations;
import dev.keel.check.rules.RenamingColumn;
import dev.keel.check.rules.SettingNotNull;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SafeChangeOperationTest {

    @Test
    void aRuleWithASafeOperationNamesItAfterItsOwnFix() {
        assertThat(SafeChangeOperation.fix("renaming-column", "add the new column"))
                .isEqualTo("add the new column; without downtime: the rename_column operation of a keel change file"
                        + " (docs/changes/rename_column.md)");
        assertThat(SafeChangeOperation.fix("truncate", "delete in batches")).isEqualTo("delete in batches");
    }

    @Test
    void everyNamedOperationExistsAndHasItsPage() {
        for (String rule : new String[] {
            "renaming-column",
            "renaming-table",
            "changing-column-type",
            "setting-not-null",
            "adding-required-field",
            "dropping-column",
            "constraint-missing-not-valid",
            "require-concurrent-index-creation"
        }) {
            String op = SafeChangeOperation.forRule(rule).orElseThrow();
            assertThat(Operations.all()).as(rule).containsKey(op);
            assertThat(Files.exists(Path.of("..", "docs", "changes", op + ".md")))
                    .as(op)
                    .isTrue();
        }
    }

    @Test
    void theFindingsOfSuchRulesCarryIt() {
        assertThat(RuleCheck.run(new RenamingColumn(), 17, "alter table users rename column email to mail;")
                        .get(0)
                        .fix())
                .contains("rename_column operation");
        assertThat(RuleCheck.run(new SettingNotNull(), 17, "alter table users alter column email set not null;")
                        .get(0)
                        .fix())
                .contains("alter_column operation");
    }
}
