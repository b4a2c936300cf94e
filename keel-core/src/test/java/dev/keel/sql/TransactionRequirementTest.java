package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionRequirementTest {

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("create index concurrently i on t (a)", "CREATE INDEX CONCURRENTLY"),
                Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", "CREATE INDEX CONCURRENTLY"),
                Arguments.of("drop index concurrently if exists i", "DROP INDEX CONCURRENTLY"),
                Arguments.of("reindex index concurrently i", "REINDEX CONCURRENTLY"),
                Arguments.of("reindex (verbose) table concurrently t", "REINDEX CONCURRENTLY"),
                Arguments.of("reindex database shop", "REINDEX DATABASE"),
                Arguments.of("reindex schema public", "REINDEX SCHEMA"),
                Arguments.of("vacuum (analyze) t", "VACUUM"),
                Arguments.of("create database other", "CREATE DATABASE"),
                Arguments.of("drop database other", "DROP DATABASE"),
                Arguments.of("create tablespace ts location '/x'", "CREATE TABLESPACE"),
                Arguments.of("alter system set work_mem = '8MB'", "ALTER SYSTEM"),
                Arguments.of("alter table p detach partition p1 concurrently", "DETACH PARTITION CONCURRENTLY"),
                Arguments.of("create index i on t (a)", null),
                Arguments.of("reindex index i", null),
                Arguments.of("create table concurrently_named (a int)", null),
                Arguments.of("alter table t add column a int", null),
                Arguments.of("select 'vacuum'", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void recognisesStatementsThatCannotRunInATransaction(String sql, String expected) {
        SqlStatement statement = SqlLexer.split(sql).get(0);
        assertThat(TransactionRequirement.forbiddenBy(statement).orElse(null)).isEqualTo(expected);
    }
}
