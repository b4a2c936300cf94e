package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersTheConstructsTheRunbooksUse() {
        String html = Markdown.render("""
                # dead-tuples

                ## How to fix
                A table holds many dead rows and
                has not been vacuumed.

                - Now: `VACUUM (VERBOSE) <table>;` (online)
                - If autovacuum is off:
                  reset it, **first**.

                1. one
                2. two

                ```sql
                SELECT relname FROM pg_stat_user_tables WHERE n_dead_tup > 0 AND x < 3;
                ```

                | severity | score |
                |----------|-------|
                | critical | 70–100 |

                See [long-transactions](long-transactions.md) and *emphasis*.
                """);

        assertThat(html)
                .contains("<h3>dead-tuples</h3>", "<h4>How to fix</h4>")
                .contains("<p>A table holds many dead rows and has not been vacuumed.</p>")
                .contains("<li>Now: <code>VACUUM (VERBOSE) &lt;table&gt;;</code> (online)</li>")
                .contains("<li>If autovacuum is off: reset it, <strong>first</strong>.</li>")
                .contains("<ol>\n<li>one</li>\n<li>two</li>\n</ol>")
                .contains("<pre><code>SELECT relname FROM pg_stat_user_tables WHERE n_dead_tup &gt; 0 AND x &lt; 3;\n"
                        + "</code></pre>")
                .contains("<tr><th>severity</th><th>score</th></tr>", "<tr><td>critical</td><td>70–100</td></tr>")
                .contains("See long-transactions and <em>emphasis</em>.")
                .doesNotContain("<table>;", "href");
    }

    @Test
    void markupInTheTextIsShownNeverInterpreted() {
        assertThat(Markdown.render("<script>alert(1)</script> and <img src=x onerror=alert(1)>"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;</p>\n");
        assertThat(Markdown.render("[click](javascript:void)")).isEqualTo("<p>click</p>\n");
    }

    @Test
    void anAsteriskInsideCodeOrSqlIsNoEmphasis() {
        assertThat(Markdown.inline("count(*) and count(*) here")).isEqualTo("count(*) and count(*) here");
        assertThat(Markdown.inline("`SELECT * FROM t`")).isEqualTo("<code>SELECT * FROM t</code>");
    }
}
