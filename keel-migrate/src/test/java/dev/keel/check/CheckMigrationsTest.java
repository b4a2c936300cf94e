package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMigrationsTest {

    @Test
    void checkDirOrdersV2BeforeV10AsMigrateDoes(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(
                migrations.resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
        // By text, V10 sorts before V2 and the index would be on a table not yet created: a false alarm.
        Files.writeString(
                migrations.resolve("V10__orders_status.sql"), "CREATE INDEX orders_status ON orders (status);\n");
        Files.writeString(
                migrations.resolve("R__views.sql"), "CREATE OR REPLACE VIEW open_orders AS SELECT id FROM orders;\n");
        CheckReport report = CheckMigrations.paths(dir, List.of(Path.of("db/migrations")), 17);
        assertThat(report.files()).isEqualTo(3);
        assertThat(report.findings()).extracting(Finding::rule).doesNotContain("require-concurrent-index-creation");
    }

    @Test
    void changeFilesCountAmongTheFilesChecked(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Files.writeString(
                migrations.resolve("V2__note.yaml"),
                "operations:\n  - add_column: {table: orders, column: {name: note, type: text}}\n");

        assertThat(CheckMigrations.paths(dir, List.of(Path.of("db/migrations")), 17)
                        .files())
                .isEqualTo(2);
        assertThat(CheckMigrations.paths(dir, List.of(Path.of("db/migrations/V2__note.yaml")), 17)
                        .files())
                .as("a change file alone")
                .isEqualTo(1);
    }

    @Test
    void migrationOrderIsByVersionThenRepeatablesThenOtherNames() {
        List<Path> sorted = List.of(
                        Path.of("b/R__a.sql"),
                        Path.of("a/V10__x.sql"),
                        Path.of("notes.sql"),
                        Path.of("V2.sql"),
                        Path.of("V1_1__y.sql"),
                        Path.of("V1__z.sql"))
                .stream()
                .sorted(MigrationOrder.FILES)
                .toList();
        assertThat(sorted)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("V1__z.sql", "V1_1__y.sql", "V2.sql", "V10__x.sql", "R__a.sql", "notes.sql");
    }
}
