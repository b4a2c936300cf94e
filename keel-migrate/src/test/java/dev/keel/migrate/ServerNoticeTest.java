package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlStatement;
import org.junit.jupiter.api.Test;

class ServerNoticeTest {

    private static SqlStatement second(String script) {
        return SqlLexer.split(script).get(1);
    }

    @Test
    void aStatementOutsideADoBlockIsPlacedAtItsFirstLine() {
        SqlStatement create = second("select 1;\n\ncreate table if not exists t (id int);");
        assertThat(ServerNotice.line(create, null)).isEqualTo(3);
    }

    @Test
    void insideADoBlockTheBodysLineCountsFromTheDollarQuote() {
        SqlStatement block = second("select 1;\nDO $$\nBEGIN\n  RAISE WARNING 'x';\nEND $$;");
        assertThat(ServerNotice.line(block, "PL/pgSQL function inline_code_block line 3 at RAISE"))
                .isEqualTo(4);
    }

    @Test
    void aOneLineDoBlockIsItsOwnLine() {
        SqlStatement block = second("select 1;\nDO $$ BEGIN RAISE WARNING 'x'; END $$;");
        assertThat(ServerNotice.line(block, "PL/pgSQL function inline_code_block line 1 at RAISE"))
                .isEqualTo(2);
    }

    @Test
    void aFunctionsOwnLineIsNotInThisFileSoTheCallingStatementIsNamed() {
        SqlStatement call = second("select 1;\nselect f();");
        assertThat(ServerNotice.line(call, "PL/pgSQL function f() line 7 at RAISE"))
                .isEqualTo(2);
    }

    @Test
    void printsLikeACompilerMessage() {
        assertThat(new ServerNotice("V3__x.sql", 2, "WARNING", "x", true)).hasToString("V3__x.sql:2: WARNING: x");
    }
}
