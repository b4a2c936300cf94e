package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class ConstraintMissingNotValidTest {
    private final ConstraintMissingNotValid rule = new ConstraintMissingNotValid();

    @Test
    void errCheckConstraint() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add constraint positive check (total >= 0);"))
                .containsExactly("V1.sql:1:20 constraint-missing-not-valid");
    }

    @Test
    void errForeignKey() {
        assertThat(RuleCheck.where(rule, 17, "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);"))
                .hasSize(1);
        assertThat(RuleCheck.run(rule, 17, "alter table orders add foreign key (user_id) references users;").get(0).message())
                .contains("FOREIGN KEY").contains("to both tables");
    }

    @Test
    void okNotValid() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add constraint positive check (total >= 0) not valid;")).isEmpty();
        assertThat(RuleCheck.where(rule, 17, "alter table orders add constraint fk foreign key (user_id) references users not valid;")).isEmpty();
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.where(rule, 17, "create table orders (total int);", "alter table orders add constraint positive check (total >= 0);")).isEmpty();
    }

    @Test
    void okAddingAColumnWithACheck() {
        // A new column is NULL everywhere: its CHECK holds without reading the table.
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column note text check (length(note) < 500);")).isEmpty();
    }
}
