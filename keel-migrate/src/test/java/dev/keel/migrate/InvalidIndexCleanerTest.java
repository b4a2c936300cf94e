package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.InvalidIndexCleaner.IndexName;
import dev.keel.sql.SqlLexer;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidIndexCleanerTest {

    private static Optional<IndexName> nameOf(String sql) {
        return InvalidIndexCleaner.indexName(SqlLexer.split(sql).get(0));
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("CREATE INDEX CONCURRENTLY i ON t (a)", new IndexName(null, "i")),
                Arguments.of(
                        "create index concurrently Orders_Status on orders (status)",
                        new IndexName(null, "orders_status")),
                Arguments.of(
                        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Mixed\" ON t (a)",
                        new IndexName(null, "Mixed")),
                Arguments.of("CREATE INDEX CONCURRENTLY \"a\"\"b\" ON t (a)", new IndexName(null, "a\"b")),
                // PostgreSQL itself refuses a schema here (the index goes in its table's schema); the parser still
                // reads it.
                Arguments.of("CREATE INDEX CONCURRENTLY s.i ON t (a)", new IndexName("s", "i")),
                Arguments.of("CREATE INDEX CONCURRENTLY \"S\".\"I\" ON t (a)", new IndexName("S", "I")),
                Arguments.of("-- build it online\nCREATE INDEX CONCURRENTLY i2 ON t (a);", new IndexName(null, "i2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void readsTheIndexName(String sql, IndexName expected) {
        assertThat(nameOf(sql)).contains(expected);
    }

    static Stream<String> unnamed() {
        return Stream.of(
                "CREATE INDEX CONCURRENTLY ON t (a)",
                "CREATE UNIQUE INDEX CONCURRENTLY ON t USING btree (a)",
                "CREATE INDEX CONCURRENTLY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unnamed")
    void aStatementWithoutIndexNameNamesNone(String sql) {
        assertThat(nameOf(sql)).isEmpty();
    }

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("CREATE INDEX CONCURRENTLY i ON orders (a)", "orders"),
                Arguments.of("CREATE INDEX CONCURRENTLY i ON ONLY shop.\"Orders\" USING btree (a)", "shop.\"Orders\""),
                Arguments.of("CREATE INDEX CONCURRENTLY i ON public.orders(a)", "public.orders"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void readsTheTableTheIndexBelongsTo(String sql, String expected) {
        assertThat(InvalidIndexCleaner.tableName(SqlLexer.split(sql).get(0))).contains(expected);
    }
}
