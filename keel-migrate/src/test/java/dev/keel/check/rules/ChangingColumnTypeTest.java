package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.Finding;
import dev.keel.check.RuleCheck;
import dev.keel.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangingColumnTypeTest {
    private final ChangingColumnType rule = new ChangingColumnType();

    /** The findings when orders.note was added as {@code oldType} and then changed by {@code change}. */
    private List<Finding> change(String oldType, String change) {
        return RuleCheck.run(
                rule,
                17,
                "alter table orders add column note " + oldType + ";",
                "alter table orders alter column note " + change + ";");
    }

    @Test
    void errKnownTypeThatDoesNotConvertInPlace() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add column qty int;",
                        "alter table orders alter column qty type bigint;"))
                .containsExactly("V2.sql:1:20 changing-column-type");
        assertThat(change("integer", "type bigint").get(0).message())
                .isEqualTo("changing orders.note from int4 to int8 rewrites all of orders"
                        + " and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait throughout");
    }

    @Test
    void okWideningVarcharOrToText() {
        assertThat(change("varchar(50)", "type varchar(100)")).isEmpty();
        assertThat(change("character varying(50)", "set data type character varying"))
                .isEmpty();
        assertThat(change("varchar(50)", "type text")).isEmpty();
        assertThat(change("text", "type varchar")).isEmpty();
        assertThat(change("varchar(50)", "type varchar(50)")).isEmpty();
    }

    @Test
    void errShorterOrLengthCheckedVarchar() {
        assertThat(change("varchar(50)", "type varchar(20)"))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.ERROR);
        assertThat(change("text", "type varchar(20)")).hasSize(1);
        assertThat(change("char(10)", "type text")).hasSize(1);
    }

    @Test
    void okWiderNumericOfTheSameScale() {
        assertThat(change("numeric(10,2)", "type numeric(12,2)")).isEmpty();
        assertThat(change("decimal(10, 2)", "type numeric")).isEmpty();
        assertThat(change("numeric(10,2)", "type numeric(12,3)")).hasSize(1);
        assertThat(change("numeric", "type numeric(12,2)")).hasSize(1);
    }

    @Test
    void okMorePreciseTimestamp() {
        assertThat(change("timestamp(0)", "type timestamp(3)")).isEmpty();
        assertThat(change("timestamp(3) with time zone", "type timestamptz")).isEmpty();
        assertThat(change("timestamp", "type timestamptz")).hasSize(1);
    }

    @Test
    void errUsingAlwaysRewrites() {
        var findings = change("varchar(50)", "type varchar(100) using trim(note)");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).message())
                .startsWith("changing orders.note to varchar(100) with USING computes every row anew");
        assertThat(change("varchar(50)", "type varchar(100) collate \"C\" using note")
                        .get(0)
                        .message())
                .contains("with USING");
    }

    @Test
    void errCollationChangeRebuildsIndexes() {
        assertThat(change("varchar(50)", "type varchar(100) collate \"C\"")
                        .get(0)
                        .message())
                .startsWith("changing the collation of orders.note rebuilds every index on it");
    }

    @Test
    void warnUnknownOldTypeToText() {
        var finding = RuleCheck.run(rule, 17, "alter table orders alter column note type text;")
                .get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message())
                .startsWith("changing orders.note to text rewrites unless the old type is varchar or text");
        assertThat(RuleCheck.run(rule, 17, "alter table orders alter note type varchar(200);")
                        .get(0)
                        .severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void errUnknownOldTypeToAnythingElse() {
        assertThat(RuleCheck.run(rule, 17, "ALTER TABLE orders ALTER id SET DATA TYPE bigint;"))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void eachActionOnItsOwn() {
        assertThat(RuleCheck.run(rule, 17, "alter table orders alter column a type text, alter column b type bigint;"))
                .extracting(f -> f.column() + " " + f.severity())
                .containsExactly("20 WARNING", "46 ERROR");
    }

    @Test
    void errTheSchemaModelFollowsEachTypeChangeSoTheOldTypeIsKnown() {
        assertThat(RuleCheck.run(
                        rule,
                        17,
                        "alter table orders add column note varchar(50);",
                        "alter table orders alter column note type varchar(100);",
                        "alter table orders alter column note type varchar(80);"))
                .extracting(f -> f.file() + " " + f.severity())
                .containsExactly("V3.sql ERROR");
    }

    @Test
    void okDomainWithoutConstraintsOverACompatibleType() {
        assertThat(RuleCheck.run(
                        rule,
                        17,
                        "create domain short_text as varchar(50);",
                        "alter table orders add column note varchar(20);",
                        "alter table orders alter column note type short_text;"))
                .isEmpty();
    }

    @Test
    void errDomainWithACheck() {
        assertThat(RuleCheck.run(
                        rule,
                        17,
                        "create domain email as text check (value like '%@%');",
                        "alter table users add column mail text;",
                        "alter table users alter column mail type email;"))
                .hasSize(1);
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.run(
                        rule,
                        17,
                        "create table orders (id int primary key, note varchar(20) not null);",
                        "alter table orders alter column id type bigint;"))
                .isEmpty();
    }

    @Test
    void okTimestampToTimestamptzUnderAUtcSessionSince12() {
        assertThat(RuleCheck.where(rule, 17, """
                CREATE TABLE IF NOT EXISTS events (id bigint);
                """, """
                SET timezone = 'UTC';
                ALTER TABLE events ADD COLUMN at timestamp;
                """, """
                SET TIME ZONE 'UTC';
                ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;
                """))
                .containsExactly("V3.sql:2:20 changing-column-type"); // the old type of placed_at is unknown
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add column placed_at timestamp;",
                        "set timezone = 'UTC';\nalter table orders alter column placed_at type timestamptz;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add column placed_at timestamptz;",
                        "set local time zone 'Etc/UTC';\nalter table orders alter column placed_at type timestamp;"))
                .isEmpty();
    }

    @Test
    void errTimestampToTimestamptzOtherwise() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add column placed_at timestamp;",
                        "alter table orders alter column placed_at type timestamptz;"))
                .containsExactly("V2.sql:1:20 changing-column-type");
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add column placed_at timestamp;",
                        "set timezone = 'Europe/Berlin';\nalter table orders alter column placed_at type timestamptz;"))
                .hasSize(1);
        assertThat(RuleCheck.where(
                        rule,
                        11,
                        "alter table orders add column placed_at timestamp;",
                        "set timezone = 'UTC';\nalter table orders alter column placed_at type timestamptz;"))
                .hasSize(1);
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table orders add column placed_at timestamp;",
                                "set timezone = 'UTC';\nreset timezone;\nalter table orders alter column placed_at type timestamptz;"))
                .hasSize(1);
    }

    @Test
    void okVarcharToTextNeverRewrites() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table orders add column note varchar(20);",
                        "alter table orders alter column note type text;"))
                .isEmpty();
    }
}
