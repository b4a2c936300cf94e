package dev.keel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlNormalizerTest {

    @Test
    void literalsAndParametersHaveOneShape() {
        assertThat(SqlNormalizer.normalize("SELECT * FROM users WHERE id = 42"))
                .isEqualTo("SELECT * FROM users WHERE id = ?");
        assertThat(SqlNormalizer.normalize("SELECT * FROM users WHERE id = ?"))
                .isEqualTo("SELECT * FROM users WHERE id = ?");
        assertThat(SqlNormalizer.normalize("SELECT * FROM users WHERE id = $1"))
                .isEqualTo("SELECT * FROM users WHERE id = ?");
        assertThat(SqlNormalizer.normalize("SELECT * FROM users WHERE email = 'a@b.c' AND score > -1.5e3"))
                .isEqualTo("SELECT * FROM users WHERE email = ? AND score > -?");
    }

    @Test
    void stringsOfEveryQuotingAreLiterals() {
        assertThat(SqlNormalizer.normalize("SELECT 'it''s', E'a\\'b', $$x$$, $tag$ y $tag$"))
                .isEqualTo("SELECT ?, ?, ?, ?");
    }

    @Test
    void digitsInsideNamesStay() {
        assertThat(SqlNormalizer.normalize("SELECT t1.col2 FROM \"Table 3\" t1 WHERE x::int4 = 7"))
                .isEqualTo("SELECT t1.col2 FROM \"Table 3\" t1 WHERE x::int4 = ?");
    }

    @Test
    void listsOfAnyLengthCollapse() {
        assertThat(SqlNormalizer.normalize("SELECT * FROM t WHERE id IN (1, 2, 3)"))
                .isEqualTo("SELECT * FROM t WHERE id IN (...)");
        assertThat(SqlNormalizer.normalize("SELECT * FROM t WHERE id IN (?,?)"))
                .isEqualTo("SELECT * FROM t WHERE id IN (...)");
        assertThat(SqlNormalizer.normalize("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z')"))
                .isEqualTo("INSERT INTO t (a, b) VALUES (...)");
        assertThat(SqlNormalizer.normalize("INSERT INTO t (a) VALUES (1), (2)"))
                .isEqualTo("INSERT INTO t (a) VALUES (...)");
        assertThat(SqlNormalizer.normalize("SELECT * FROM t WHERE id IN (7)"))
                .isEqualTo("SELECT * FROM t WHERE id IN (...)");
        assertThat(SqlNormalizer.normalize("SELECT count(*) FROM t")).isEqualTo("SELECT count(*) FROM t");
        assertThat(SqlNormalizer.normalize("SELECT pg_sleep(0.5)")).isEqualTo("SELECT pg_sleep(?)");
    }

    @Test
    void commentsAndWhitespaceGo() {
        assertThat(SqlNormalizer.normalize("  SELECT a -- why\n  FROM   t /* outer /* nested */ */ WHERE a =\t1 "))
                .isEqualTo("SELECT a FROM t WHERE a = ?");
    }
}
