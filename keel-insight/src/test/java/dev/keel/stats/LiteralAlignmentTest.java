package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalized texts are what pg_stat_statements 15 printed for the sent ones. */
class LiteralAlignmentTest {

    @Test
    void readsTheLiteralsBehindEachParameterIncludingATypedIntervalAndALimit() {
        assertThat(
                        LiteralAlignment.literals(
                                "SELECT count(*) FROM orders WHERE status = $1 AND created_at > now() - interval $2",
                                "select count(*)  from orders where status = 'pending' and created_at > now() - interval '1 day';"))
                .contains(List.of("'pending'", "'1 day'"));
        assertThat(LiteralAlignment.literals(
                        "SELECT * FROM orders WHERE id = $1 AND user_id IN ($2,$3) LIMIT $4",
                        "SELECT * FROM orders WHERE id = -5 AND user_id IN (1, 2) LIMIT 20"))
                .contains(List.of("-5", "1", "2", "20"));
        assertThat(LiteralAlignment.literals(
                        "SELECT 1 FROM t WHERE a = $1 AND b = +$2 AND c = $3",
                        "SELECT 1 FROM t WHERE a = TRUE AND b = +3 AND c = 'it''s'"))
                .contains(List.of("true", "3", "'it''s'"));
    }

    @Test
    void anExtendedProtocolStatementShowsOnlyItsParametersAndYieldsNothing() {
        assertThat(LiteralAlignment.literals(
                        "SELECT id FROM orders WHERE user_id = $1", "SELECT id FROM orders WHERE user_id = $1"))
                .isEmpty();
    }

    @Test
    void anythingButAPlainLiteralInAParameterPlaceYieldsNothing() {
        assertThat(LiteralAlignment.literals("SELECT 1 FROM t WHERE a = $1", "SELECT 1 FROM t WHERE a = E'x\\'y'"))
                .isEmpty();
        assertThat(LiteralAlignment.literals(
                        "SELECT 1 FROM t WHERE a = $1", "SELECT 1 FROM t WHERE a = 1; DROP TABLE t"))
                .isEmpty();
        assertThat(LiteralAlignment.literals("SELECT 1 FROM t WHERE a = $1", "SELECT 1 FROM u WHERE a = 1"))
                .isEmpty();
        // pg_stat_activity cuts long statements at track_activity_query_size.
        assertThat(LiteralAlignment.literals(
                        "SELECT 1 FROM t WHERE a = $1 AND b = $2", "SELECT 1 FROM t WHERE a = 1 AND b"))
                .isEmpty();
        assertThat(LiteralAlignment.literals("SELECT 1 FROM t", "SELECT 1 FROM t"))
                .as("nothing to sample")
                .isEmpty();
    }

    @Test
    void substitutesOnlyPlainLiterals() {
        assertThat(LiteralAlignment.substitute(
                        "SELECT count(*) FROM orders WHERE status = $1 AND created_at > now() - interval $2",
                        List.of("'pending'", "'1 day'")))
                .isEqualTo(
                        "SELECT count(*) FROM orders WHERE status = 'pending' AND created_at > now() - interval '1 day'");
        assertThatThrownBy(
                        () -> LiteralAlignment.substitute("SELECT 1 FROM t WHERE a = $1", List.of("1; DROP TABLE t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiteralAlignment.substitute("SELECT 1 FROM t WHERE a = $1", List.of("'x' OR ''='")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
