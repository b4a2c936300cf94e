package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.sql.SqlStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationExecutorPrepareTest {

    private static MigrationScript script(String content) {
        return new MigrationScript(
                MigrationVersion.parse("4"),
                "orders status",
                MigrationType.VERSIONED,
                "V4__orders_status.sql",
                "db/migrations/V4__orders_status.sql",
                content,
                Checksum.of(content));
    }

    private static MigrationExecutor.PreparedScript prepare(String content) {
        return MigrationExecutor.prepare(script(content));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "\n\n", "-- nothing yet\n/* still nothing */\n", ";;"})
    void aScriptWithoutStatementIsRefused(String content) {
        assertThatThrownBy(() -> prepare(content))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> assertThat(e.what()).isEqualTo("V4__orders_status.sql holds no SQL statement"));
    }

    @Test
    void anUnterminatedDollarQuoteIsReportedWithFileLineAndColumn() {
        assertThatThrownBy(() -> prepare("""
                SELECT 1;
                CREATE FUNCTION f() RETURNS int AS $body$
                  SELECT 1;
                """))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> assertThat(e.what())
                        .isEqualTo("V4__orders_status.sql:2:36: unterminated dollar-quoted string $body$"));
    }

    @Test
    void mixingConcurrentIndexBuildsWithOtherStatementsIsRefusedNamingBothLines() {
        assertThatThrownBy(() -> prepare("""
                ALTER TABLE orders ADD COLUMN status text;

                CREATE INDEX CONCURRENTLY orders_status ON orders (status);
                """))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> {
                    assertThat(e.what())
                            .isEqualTo(
                                    "V4__orders_status.sql:3: CREATE INDEX CONCURRENTLY cannot run in a transaction, "
                                            + "so this file may hold only such statements, but line 1 holds 'ALTER TABLE orders ADD COLUMN status"
                                            + " text'");
                    assertThat(e.todo())
                            .isEqualTo(
                                    "move the statements that need no special handling into their own migration file");
                });
    }

    @Test
    void theOrderOfTheMixDoesNotMatter() {
        assertThatThrownBy(() -> prepare("""
                CREATE INDEX CONCURRENTLY orders_status ON orders (status);
                UPDATE orders SET status = 'new';
                """))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V4__orders_status.sql:1: CREATE INDEX CONCURRENTLY")
                .hasMessageContaining("line 2 holds 'UPDATE orders SET status = 'new''");
    }

    @Test
    void aFileOfOnlyConcurrentStatementsRunsWithoutTransaction() {
        MigrationExecutor.PreparedScript prepared = prepare("""
                CREATE INDEX CONCURRENTLY orders_status ON orders (status);
                CREATE UNIQUE INDEX CONCURRENTLY orders_number ON orders (number);
                """);

        assertThat(prepared.transactional()).isFalse();
        assertThat(prepared.nonTransactionalReason()).isEqualTo("CREATE INDEX CONCURRENTLY");
        assertThat(prepared.statements()).extracting(SqlStatement::line).containsExactly(1, 2);
    }

    @Test
    void anOrdinaryFileRunsInATransaction() {
        MigrationExecutor.PreparedScript prepared = prepare("""
                -- keel:lock-timeout 5s
                ALTER TABLE orders ADD COLUMN status text;
                UPDATE orders SET status = 'new';
                """);

        assertThat(prepared.transactional()).isTrue();
        assertThat(prepared.nonTransactionalReason()).isNull();
        assertThat(prepared.statements())
                .extracting(SqlStatement::sql)
                .containsExactly("ALTER TABLE orders ADD COLUMN status text", "UPDATE orders SET status = 'new'");
        assertThat(prepared.directives().lockTimeout()).contains(Duration.ofSeconds(5));
        assertThat(prepared.script().script()).isEqualTo("V4__orders_status.sql");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BEGIN", "begin transaction", "START TRANSACTION", "COMMIT", "end", "ROLLBACK", "abort"})
    void transactionControlIsRefusedNamingTheLine(String control) {
        assertThatThrownBy(() -> prepare("CREATE TABLE a (id int);\n" + control + ";\nCREATE TABLE b (id int);"))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> assertThat(e.what())
                        .startsWith("V4__orders_status.sql:2: ")
                        .contains("would break the one transaction keel runs it in"));
    }

    @Test
    void savepointsStayAllowed() {
        assertThat(prepare("SAVEPOINT s;\nCREATE TABLE a (id int);\nROLLBACK TO SAVEPOINT s;\nRELEASE SAVEPOINT s;")
                        .transactional())
                .isTrue();
    }
}
