package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The application's way in: Keel.configure().dataSource(ds).locations("classpath:…").load().migrate() at start-up. */
@WithPostgres
class KeelApiIT {

    private static PGSimpleDataSource dataSource(TestCluster cluster, String db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(cluster.jdbcUrl(db));
        return ds;
    }

    @Test
    void migratesFromMigrationsPackedInAnApplicationJar(TestCluster cluster, @TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "db/migrations/V1__users.sql", "create table users (id bigint primary key);");
            put(out, "db/migrations/sub/V2__orders.sql", "create table orders (id bigint primary key);");
            put(out, "db/migrations/R__count.sql", "create or replace view user_count as select count(*) from users;");
        }
        String db = cluster.createDatabase();
        try (URLClassLoader app = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrateResult result = Keel.configure()
                    .dataSource(dataSource(cluster, db))
                    .locations("classpath:db/migrations")
                    .classLoader(app)
                    .load()
                    .migrate();
            assertThat(result.applied())
                    .extracting(MigrateResult.Applied::script)
                    .containsExactly("V1__users.sql", "sub/V2__orders.sql", "R__count.sql");
            assertThat(result.totalMillis()).isNotNegative();
        }
        assertThat(cluster.queryString(db, "select count from user_count")).isEqualTo("0");
    }

    @Test
    void migratesFromAClasspathDirectoryAndAFilesystemLocation(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("db/migrations"));
        Files.writeString(classes.resolve("db/migrations/V1__a.sql"), "create table a (id int);");
        Files.createDirectories(dir.resolve("extra"));
        Files.writeString(dir.resolve("extra/V2__b.sql"), "create table b (id int);");
        String db = cluster.createDatabase();
        try (URLClassLoader app = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Keel keel = Keel.configure()
                    .dataSource(dataSource(cluster, db))
                    .projectDir(dir)
                    .locations("classpath:db/migrations", "filesystem:extra")
                    .classLoader(app)
                    .load();
            assertThat(keel.migrate().count()).isEqualTo(2);
            assertThat(keel.info().currentVersion()).isEqualTo("2");
            assertThat(keel.validate().valid()).isTrue();
        }
    }

    @Test
    void contradictionsFailAtLoad() {
        assertThatThrownBy(() -> Keel.configure().load())
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("no database was configured");
        assertThatThrownBy(() -> Keel.configure()
                        .dataSource(new PGSimpleDataSource())
                        .url("jdbc:postgresql://x/y", null, null)
                        .load())
                .hasMessageContaining("both a DataSource and a URL");
        assertThatThrownBy(() -> Keel.configure().lockTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lockTimeout must be positive");
    }

    private static void put(JarOutputStream out, String name, String content) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
