package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.migrate.shadow.RelationName;
import dev.keel.migrate.shadow.ShadowOptions;
import dev.keel.migrate.shadow.ShadowResult;
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
        project = TestProject.in(dir)
                .migration(
                        "V1__orders.sql",
                        "create table orders (id bigint primary key, status text);\ninsert into orders select g, 'new' from generate_series(1,"
                                + " 1000) g;");
        keel().migrate();
        cluster.execute(db, "analyze orders");
    }

    private Keel keel() {
        return Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .load();
    }

    private ConnectionSource source(String database) {
        return ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(database), null, null, "test"));
    }

    private List<Finding> shadow(long rowLimit) {
        return shadow(ShadowOptions.defaults().withRowLimit(rowLimit)).findings();
    }

    private ShadowResult shadow(ShadowOptions options) {
        return new ShadowAnalysis(source(db), source("postgres"), this::source, keel().settings(), options).run();
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
            assertThat(f.message())
                    .contains("takes ACCESS EXCLUSIVE on orders (~1000 rows on the target)")
                    .contains("rewrites orders");
        });
        assertThat(shadowDatabases()).isEqualTo("0");
    }

    @Test
    void aConstantDefaultLocksBrieflyButRewritesNothing() {
        project.migration("V2__status.sql", "alter table orders add column note text default 'none';");
        assertThat(shadow(100))
                .singleElement()
                .satisfies(f ->
                        assertThat(f.message()).contains("ACCESS EXCLUSIVE").doesNotContain("rewrites"));
    }

    @Test
    void belowTheRowLimitALockIsAWarning() {
        project.migration("V2__token.sql", "alter table orders add column token float8 default random();");
        assertThat(shadow(1_000_000))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void aConcurrentIndexBuildTakesNoLockThatBlocksWrites() {
        project.migration("V2__index.sql", "create index concurrently orders_status_idx on orders (status);");
        assertThat(shadow(100)).isEmpty();
        assertThat(cluster.queryString(db, "select to_regclass('orders_status_idx') is null"))
                .isEqualTo("t");
    }

    @Test
    void setNotNullReadsTheWholeTableUnlessAValidatedCheckProvesIt() {
        project.migration("V2__not_null.sql", "alter table orders alter column status set not null;");
        assertThat(shadow(100))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("reads all of orders"));

        project.delete("V2__not_null.sql")
                .migration(
                        "V2__check.sql",
                        "alter table orders add constraint status_nn check (status is not null) not valid;")
                .migration("V3__validate.sql", "alter table orders validate constraint status_nn;");
        keel().migrate(new MigrateOptions(null, false, false, true));
        project.migration("V4__not_null.sql", "alter table orders alter column status set not null;");
        assertThat(shadow(100))
                .singleElement()
                .satisfies(f ->
                        assertThat(f.message()).contains("ACCESS EXCLUSIVE").doesNotContain("reads all"));
    }

    @Test
    void aFailingStatementIsAFindingAndTheShadowIsStillDropped() {
        project.migration(
                "V2__broken.sql", "alter table orders add column x int;\nalter table missing add column y int;");
        List<Finding> findings = shadow(100);
        assertThat(findings).extracting(Finding::rule).contains(ShadowAnalysis.FAILED_RULE);
        assertThat(findings)
                .filteredOn(f -> f.rule().equals(ShadowAnalysis.FAILED_RULE))
                .singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(2));
        assertThat(shadowDatabases()).isEqualTo("0");
        assertThat(
                        cluster.queryString(
                                db,
                                "select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'x'"))
                .isEqualTo("0");
    }

    @Test
    void aPlainIndexBuildIsSeenBlockingWritesAndNamedByItsCommandTag() {
        project.migration("V2__index.sql", "create index orders_status_idx on orders (status);");
        assertThat(shadow(100)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message())
                    .startsWith("on the shadow database CREATE INDEX takes SHARE on orders (~1000 rows on the target)");
        });
    }

    @Test
    void aStatementOutsideATransactionShowsItsLocksToo() {
        // Before the event trigger and the lock witness, a file run without a transaction reported no lock at all.
        project.migration("V2__vacuum.sql", "vacuum full orders;");
        assertThat(shadow(100))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("takes ACCESS EXCLUSIVE on orders (~1000 rows on the target)")
                        .contains("rewrites orders"));
    }

    @Test
    void regressionTwoSchemasWithTheSameTableNameKeepTheirOwnRowCounts() {
        cluster.execute(
                db,
                "create schema archive; create table archive.orders (id int); insert into archive.orders values (1), (2), (3);"
                        + "analyze archive.orders");
        project.migration(
                        "V2__archive.sql",
                        "create schema if not exists archive;\ncreate table if not exists archive.orders (id int);")
                .migration("V3__lock.sql", "alter table archive.orders add column note text default 'x';");
        keel().migrate(new MigrateOptions(MigrationVersion.parse("2"), false, false, true));
        assertThat(shadow(100)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("ACCESS EXCLUSIVE on archive.orders (~3 rows on the target)");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void atAScaleTheShadowHoldsAShareOfTheTargetsRowsAndDurationsSaySo() {
        // Rows inserted outside the migrations: without a scale the shadow would hold only the 1000 orders V1 inserts;
        // at 0.5 orders gets 1500 more (2500 of 5000), customers 1500 of 3000.
        cluster.execute(
                db,
                "create table customers (id int primary key); insert into customers select generate_series(1, 3000);"
                        + "alter table orders add column customer_id int references customers;"
                        + "insert into orders select g, 'paid', 1 + g % 3000 from generate_series(1001, 5000) g; analyze");
        project.migration(
                        "V2__customers.sql",
                        "create table if not exists customers (id int primary key);\n"
                                + "alter table orders add column if not exists customer_id int references customers;")
                .migration("V3__token.sql", "alter table orders add column token float8 default random();");
        keel().migrate(new MigrateOptions(MigrationVersion.parse("2"), false, false, true));
        ShadowResult result = shadow(ShadowOptions.defaults().withRowLimit(100).withScale(0.5, 1_000_000));
        assertThat(result.fill().rows())
                .containsEntry(new RelationName("public", "orders"), 1500L)
                .containsEntry(new RelationName("public", "customers"), 1500L);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("ACCESS EXCLUSIVE on orders (~5000 rows on the target)")
                        .contains("rewrites orders")
                        .contains("ms on the shadow at scale 0.5)"));
        assertThat(shadowDatabases()).isEqualTo("0");
    }
}
