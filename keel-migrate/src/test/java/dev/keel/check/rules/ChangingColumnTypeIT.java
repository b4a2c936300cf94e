package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CatalogFacts;
import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each claim of changing-column-type checked against a real server: the rule reports a rewrite exactly
 * when PostgreSQL gives the table a new file (a new relfilenode).
 */
@WithPostgres
class ChangingColumnTypeIT {
    private final TestCluster cluster;

    ChangingColumnTypeIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    private record Case(String column, String session, String alter) {}

    @Test
    void theRuleFlagsExactlyWhatPostgresRewrites() throws Exception {
        List<Case> cases = List.of(
                new Case("varchar(20)", "", "type text"),
                new Case("varchar(20)", "", "type varchar(40)"),
                new Case("varchar(20)", "", "type varchar(10)"),
                new Case("text", "", "type varchar"),
                new Case("integer", "", "type bigint"),
                new Case("numeric(10,2)", "", "type numeric(12,2)"),
                new Case("numeric(10,2)", "", "type numeric(12,3)"),
                new Case("timestamp", "set timezone = 'UTC';", "type timestamptz"),
                new Case("timestamp", "SET TIME ZONE 'Etc/UTC';", "type timestamp with time zone"),
                new Case("timestamptz", "set timezone to 'UTC';", "type timestamp"),
                new Case("timestamp", "set time zone 'Europe/Berlin';", "type timestamptz"),
                new Case("timestamp(3)", "set timezone = 'UTC';", "type timestamptz(6)"),
                new Case(
                        "timestamp",
                        "set timezone = 'UTC';\nreset timezone;\nset time zone 'America/New_York';",
                        "type timestamptz"));
        List<String> disagreements = new ArrayList<>();
        for (Case c : cases) {
            String db = cluster.createDatabase();
            cluster.execute(
                    db,
                    "create table t (id bigint primary key, c " + c.column() + ");"
                            + " insert into t select g, null from generate_series(1, 100) g; analyze t");
            String sql = c.session() + "\nalter table t alter column c " + c.alter() + ";\n";
            boolean flagged;
            boolean rewritten;
            try (Connection connection = cluster.connect(db)) {
                SchemaModel target = CatalogFacts.load(connection);
                List<Finding> findings = new Checker(List.of(new ChangingColumnType()), cluster.majorVersion())
                        .check(List.of(new CheckInput("V1.sql", sql)), target)
                        .findings();
                assertThat(findings).as(sql).allMatch(f -> f.severity() == Severity.ERROR);
                flagged = !findings.isEmpty();
                long before = filenode(connection);
                try (Statement s = connection.createStatement()) {
                    s.execute(sql);
                }
                rewritten = filenode(connection) != before;
            }
            if (flagged != rewritten) {
                disagreements.add(c.column() + " " + c.alter() + " ["
                        + c.session().replace('\n', ' ') + "]: rule " + (flagged ? "flags" : "passes") + ", PostgreSQL "
                        + cluster.majorVersion() + (rewritten ? " rewrote" : " kept the file"));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static long filenode(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_relation_filenode('t')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
