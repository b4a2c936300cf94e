package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlLexerTest {

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("plain statements", "select 1; select 2;", List.of("select 1", "select 2")),
                Arguments.of(
                        "last statement without semicolon", "select 1;\nselect 2", List.of("select 1", "select 2")),
                Arguments.of("empty statements skipped", ";; select 1;;", List.of("select 1")),
                Arguments.of(
                        "semicolon in single quotes", "select 'a;b'; select 2", List.of("select 'a;b'", "select 2")),
                Arguments.of(
                        "doubled quote in string", "select 'it''s;'; select 2", List.of("select 'it''s;'", "select 2")),
                Arguments.of(
                        "backslash is literal in standard strings",
                        "select 'a\\'; select 2",
                        List.of("select 'a\\'", "select 2")),
                Arguments.of(
                        "E string escapes quote",
                        "select E'a\\';b'; select 2",
                        List.of("select E'a\\';b'", "select 2")),
                Arguments.of(
                        "E string escaped backslash",
                        "select e'a\\\\'; select 2",
                        List.of("select e'a\\\\'", "select 2")),
                Arguments.of(
                        "bit, hex and national strings",
                        "select B'1;0', X'1F;', N'n;'; select 2",
                        List.of("select B'1;0', X'1F;', N'n;'", "select 2")),
                Arguments.of(
                        "unicode string",
                        "select U&'d\\0061t;a'; select 2",
                        List.of("select U&'d\\0061t;a'", "select 2")),
                Arguments.of(
                        "quoted identifier",
                        "create table \"a;b\"(\"x\"\"y\" int); select 2",
                        List.of("create table \"a;b\"(\"x\"\"y\" int)", "select 2")),
                Arguments.of(
                        "unicode quoted identifier",
                        "select U&\"a;\" from t; select 2",
                        List.of("select U&\"a;\" from t", "select 2")),
                Arguments.of(
                        "empty dollar tag",
                        "do $$ begin perform 1; end $$; select 2",
                        List.of("do $$ begin perform 1; end $$", "select 2")),
                Arguments.of(
                        "named dollar tag holding $$",
                        "create function f() returns int as $fn$ select $$;$$; $fn$ language sql; select 2",
                        List.of("create function f() returns int as $fn$ select $$;$$; $fn$ language sql", "select 2")),
                Arguments.of(
                        "positional parameter is no dollar quote",
                        "prepare p as select $1; select 2",
                        List.of("prepare p as select $1", "select 2")),
                Arguments.of(
                        "dollar inside identifier",
                        "select a$b from t; select 2",
                        List.of("select a$b from t", "select 2")),
                Arguments.of(
                        "line comment with semicolon",
                        "select 1 -- no; split\n; select 2",
                        List.of("select 1 -- no; split", "select 2")),
                Arguments.of(
                        "nested block comment",
                        "select /* a /* b; */ c; */ 1; select 2",
                        List.of("select /* a /* b; */ c; */ 1", "select 2")),
                Arguments.of(
                        "leading comments are not part of the statement",
                        "-- header\n/* doc */ select 1;",
                        List.of("select 1")),
                Arguments.of(
                        "semicolon in parentheses",
                        "create rule r as on insert to t do also (insert into a values (1); insert into b values (2)); select 2",
                        List.of(
                                "create rule r as on insert to t do also (insert into a values (1); insert into b values (2))",
                                "select 2")),
                Arguments.of("begin atomic body", """
                        create function add(a int, b int) returns int language sql
                        begin atomic
                          select case when a > 0 then a else 0 end + b;
                          select 1;
                        end;
                        select 2""", List.of("""
                        create function add(a int, b int) returns int language sql
                        begin atomic
                          select case when a > 0 then a else 0 end + b;
                          select 1;
                        end""", "select 2")),
                Arguments.of(
                        "begin as a transaction is not atomic",
                        "begin; select 1; commit;",
                        List.of("begin", "select 1", "commit")),
                Arguments.of(
                        "column named begin",
                        "create table t (begin int); select 2",
                        List.of("create table t (begin int)", "select 2")),
                Arguments.of("byte order mark", "\uFEFFselect 1;", List.of("select 1")),
                Arguments.of("only comments", "-- nothing\n/* at all */", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void splitsLikeTheServer(String name, String script, List<String> expected) {
        assertThat(SqlLexer.split(script)).extracting(SqlStatement::sql).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("select 'abc", "unterminated quoted string at line 1, column 8"),
                Arguments.of("select 1;\nselect E'ab\\'", "unterminated quoted string at line 2, column 9"),
                Arguments.of("select \"abc", "unterminated quoted identifier at line 1, column 8"),
                Arguments.of(
                        "do $body$ begin\nend $bod$;", "unterminated dollar-quoted string $body$ at line 1, column 4"),
                Arguments.of("select 1 /* a /* b */", "unterminated /* comment at line 1, column 10"),
                Arguments.of(
                        "select 1;\n\\connect other\nselect 2;",
                        "psql meta-command \\connect is not SQL at line 2, column 1"),
                Arguments.of("select 1 \\gset", "psql meta-command \\gset is not SQL at line 1, column 10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void refusesWhatItCannotSplit(String script, String message) {
        assertThatThrownBy(() -> SqlLexer.split(script))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void statementsKnowWhereTheyStart() {
        List<SqlStatement> statements = SqlLexer.split("-- one\nselect 1;\n\n  create table t (\n    id int\n  );");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 4);
        assertThat(statements).extracting(SqlStatement::column).containsExactly(1, 3);
    }

    @Test
    void serverPositionMapsToScriptLineAndColumn() {
        SqlStatement statement = SqlLexer.split("select 1;\n  create table t (\n    id nope\n  );")
                .get(1);
        int position = statement.sql().indexOf("nope") + 1;
        assertThat(statement.locate(position)).containsExactly(3, 8);
    }

    @Test
    void tokensCarryTypes() {
        List<SqlToken> tokens = SqlLexer.tokens("select 'a', \"b\", $$c$$, 1.5e-3, $1, x;");
        assertThat(tokens)
                .extracting(SqlToken::type)
                .containsExactly(
                        SqlToken.Type.WORD,
                        SqlToken.Type.STRING,
                        SqlToken.Type.SYMBOL,
                        SqlToken.Type.QUOTED_IDENTIFIER,
                        SqlToken.Type.SYMBOL,
                        SqlToken.Type.DOLLAR_STRING,
                        SqlToken.Type.SYMBOL,
                        SqlToken.Type.NUMBER,
                        SqlToken.Type.SYMBOL,
                        SqlToken.Type.PARAMETER,
                        SqlToken.Type.SYMBOL,
                        SqlToken.Type.WORD,
                        SqlToken.Type.SYMBOL);
    }
}
