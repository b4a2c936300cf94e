package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.migrate.shadow.ShadowOptions;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shadow database shows what statements really do: rewrites, blocking locks, full scans. */
@WithPostgres
class ShadowAnalysisIT {
    private final TestCluster cluster;
    private String db;
    private TestProject project;

    ShadowAnalysisIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void applied(@TempDir Path dir) {
        db = cluster.createDatabase();
        project = TestProject.in(dir).migration("V1__orders.sql",
                "create table orders (id bigint primary key, status text);\ninsert into orders select g, 'new' from generate_series(1, 1000) g;");
        keel().migrate();
        cluster.execute(db, "analyze orders");
    }

    private Keel keel() {
        return Keel.configure().url(cluster.jdbcUrl(db), null, null).projectDir(project.dir()).load();
    }

    private ConnectionSource source(String database) {
        return ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(database), null, null, "test"));
    }

    private List<Finding> shadow(long rowLimit) {
        return new ShadowAnalysis(source(db), source("postgres"), this::source, keel().settings(),
                ShadowOptions.defaults().withRowLimit(rowLimit)).run().findings();
    }

    private String shadowDatabases() {
        return cluster.queryString("postgres", "select count(*) from pg_database where datname like 'keel_shadow_%'");
    }

    @Test
    void seesAVolatileDefaultRewriteTheTable() {
        project.migration("V2__token.sql", "alter table orders add column token float8 default random();");
        List<Finding> findings = shadow(100);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(ShadowAnalysis.RULE);
            assertThat(f.source()).isEqualTo("shadow");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("takes ACCESS EXCLUSIVE on orders (~1000 rows on the target)").contains("rewrites orders");
        });
        assertThat(shadowDatabases()).isEqualTo("0");
    }

    @Test
    void aConstantDefaultLocksBrieflyButRewritesNothing() {
        project.migration("V2__status.sql", "alter table orders add column note text default 'none';");
        assertThat(shadow(100)).singleElement().satisfies(f -> assertThat(f.message()).contains("ACCESS EXCLUSIVE").doesNotContain("rewrites"));
    }

    @Test
    void belowTheRowLimitALockIsAWarning() {
        project.migration("V2__token.sql", "alter table orders add column token float8 default random();");
        assertThat(shadow(1_000_000)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void aConcurrentIndexBuildTakesNoLockThatBlocksWrites() {
        project.migration("V2__index.sql", "create index concurrently orders_status_idx on orders (status);");
        assertThat(shadow(100)).isEmpty();
        assertThat(cluster.queryString(db, "select to_regclass('orders_status_idx') is null")).isEqualTo("t");
    }

    @Test
    void setNotNullReadsTheWholeTableUnlessAValidatedCheckProvesIt() {
        project.migration("V2__not_null.sql", "alter table orders alter column status set not null;");
        assertThat(shadow(100)).singleElement().satisfies(f -> assertThat(f.message()).contains("reads all of orders"));

        project.delete("V2__not_null.sql").migration("V2__check.sql", "alter table orders add constraint status_nn check (status is not null) not valid;")
                .migration("V3__validate.sql", "alter table orders validate constraint status_nn;");
        keel().migrate(new MigrateOptions(null, false, false, true));
        project.migration("V4__not_null.sql", "alter table orders alter column status set not null;");
        assertThat(shadow(100)).singleElement().satisfies(f -> assertThat(f.message()).contains("ACCESS EXCLUSIVE").doesNotContain("reads all"));
    }

    @Test
    void aFailingStatementIsAFindingAndTheShadowIsStillDropped() {
        project.migration("V2__broken.sql", "alter table orders add column x int;\nalter table missing add column y int;");
        List<Finding> findings = shadow(100);
        assertThat(findings).extracting(Finding::rule).contains(ShadowAnalysis.FAILED_RULE);
        assertThat(findings).filteredOn(f -> f.rule().equals(ShadowAnalysis.FAILED_RULE)).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(2));
        assertThat(shadowDatabases()).isEqualTo("0");
        assertThat(cluster.queryString(db, "select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'x'"))
                .isEqualTo("0");
    }
}
