package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.sql.LockMode;
import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShadowFindingsTest {
    private static final RelationName ORDERS = new RelationName("public", "orders");
    private static final RelationName ARCHIVED = new RelationName("archive", "orders");
    private static final TargetRows TARGET = new TargetRows(Map.of(ORDERS, 12_000_000L, ARCHIVED, 40L));
    private static final SqlStatement STATEMENT = SqlLexer.split(
                    "alter table orders add column token float8 default random();")
            .get(0);

    private static Optional<Finding> finding(StatementEffects effects, double scale) {
        return new ShadowFindings(TARGET, 100_000, scale).of("V2__token.sql", STATEMENT, effects);
    }

    @Test
    void aBlockingLockOnABigTableIsAnErrorNamingTheCommandTheRowsAndTheRewrite() {
        StatementEffects effects = new StatementEffects(
                Map.of(ORDERS, LockMode.ACCESS_EXCLUSIVE), List.of("ALTER TABLE"), List.of(ORDERS), List.of(), 42);
        assertThat(finding(effects, 0.01)).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.source()).isEqualTo("shadow");
            assertThat(f.message())
                    .isEqualTo(
                            "on the shadow database ALTER TABLE takes ACCESS EXCLUSIVE on orders (~12M rows on the target)"
                                    + " and rewrites orders (42 ms on the shadow at scale 0.01)");
        });
    }

    @Test
    void theSameTableNameInAnotherSchemaIsJudgedByItsOwnRows() {
        StatementEffects effects = new StatementEffects(
                Map.of(ARCHIVED, LockMode.SHARE), List.of("CREATE INDEX"), List.of(), List.of(), 1);
        assertThat(finding(effects, 0)).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message())
                    .contains("SHARE on archive.orders (~40 rows on the target)")
                    .endsWith("(1 ms on the shadow)");
        });
    }

    @Test
    void aLockThatLetsWritesThroughIsNoFinding() {
        StatementEffects effects = new StatementEffects(
                Map.of(ORDERS, LockMode.SHARE_UPDATE_EXCLUSIVE), List.of("CREATE INDEX"), List.of(), List.of(), 1);
        assertThat(finding(effects, 0)).isEmpty();
    }

    @Test
    void withoutACommandTagTheStatementIsNamedAndAFullReadIsShown() {
        StatementEffects effects = new StatementEffects(
                Map.of(ORDERS, LockMode.ACCESS_EXCLUSIVE), List.of(), List.of(), List.of(ORDERS), 3);
        assertThat(finding(effects, 0))
                .hasValueSatisfying(f -> assertThat(f.message())
                        .startsWith("on the shadow database this statement takes ACCESS EXCLUSIVE")
                        .contains("and reads all of orders"));
    }
}
