package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationResolverTest {
    @TempDir
    Path project;

    private Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private List<MigrationScript> resolve(String... locations) {
        return new MigrationResolver(project, List.of(locations), getClass().getClassLoader()).resolve();
    }

    @Test
    void findsScriptsInSubdirectoriesAndSkipsOtherFiles() throws IOException {
        write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id int);\n");
        write("db/migrations/2026/V2__add_status.sql", "ALTER TABLE orders ADD COLUMN status text;\n");
        write("db/migrations/views/deep/R__order_totals.sql", "CREATE OR REPLACE VIEW totals AS SELECT 1;\n");
        write("db/migrations/README.md", "not a migration");
        write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");

        List<MigrationScript> scripts = resolve("db/migrations");

        assertThat(scripts).extracting(MigrationScript::label).containsExactly("V1", "V2", "R__order_totals");
        assertThat(scripts)
                .extracting(MigrationScript::script)
                .containsExactly("V1__create_orders.sql", "2026/V2__add_status.sql", "views/deep/R__order_totals.sql");
        MigrationScript v2 = scripts.get(1);
        assertThat(v2.description()).isEqualTo("add status");
        assertThat(v2.location())
                .isEqualTo(
                        project.resolve("db/migrations/2026/V2__add_status.sql").toString());
        assertThat(v2.content()).isEqualTo("ALTER TABLE orders ADD COLUMN status text;\n");
        assertThat(v2.checksum()).isEqualTo(Checksum.of(v2.content()));
    }

    @Test
    void sortsVersionedByNumberThenRepeatablesByDescription() throws IOException {
        write("db/migrations/R__b_view.sql", "SELECT 1;");
        write("db/migrations/V10__ten.sql", "SELECT 1;");
        write("db/migrations/V2__two.sql", "SELECT 1;");
        write("db/migrations/R__a_view.sql", "SELECT 1;");
        write("db/migrations/V1.10__one_ten.sql", "SELECT 1;");
        write("db/migrations/V1.2__one_two.sql", "SELECT 1;");

        assertThat(resolve("db/migrations"))
                .extracting(MigrationScript::label)
                .containsExactly("V1.2", "V1.10", "V2", "V10", "R__a_view", "R__b_view");
    }

    @Test
    void mergesSeveralLocationsIntoOneOrder() throws IOException {
        write("db/core/V1__one.sql", "SELECT 1;");
        write("db/core/V3__three.sql", "SELECT 1;");
        write("db/extra/V2__two.sql", "SELECT 1;");

        assertThat(resolve("db/core", "filesystem:db/extra"))
                .extracting(MigrationScript::label)
                .containsExactly("V1", "V2", "V3");
    }

    @Test
    void anAbsoluteLocationIsUsedAsItIs() throws IOException {
        Path file = write("elsewhere/V1__one.sql", "SELECT 1;");

        assertThat(resolve("filesystem:" + file.getParent()))
                .extracting(MigrationScript::label)
                .containsExactly("V1");
    }

    @Test
    void twoFilesWithTheSameVersionAreRejectedNamingBoth() throws IOException {
        Path first = write("db/migrations/V1__create_orders.sql", "SELECT 1;");
        Path second = write("db/migrations/later/V1.0__create_customers.sql", "SELECT 2;");

        assertThatThrownBy(() -> resolve("db/migrations"))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> {
                    assertThat(e.what())
                            .startsWith("two migrations have version 1: ")
                            .contains(first.toString())
                            .contains(second.toString());
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                });
    }

    @Test
    void twoRepeatablesWithTheSameDescriptionAreRejected() throws IOException {
        Path first = write("db/migrations/a/R__totals.sql", "SELECT 1;");
        Path second = write("db/migrations/b/R__totals.sql", "SELECT 2;");

        assertThatThrownBy(() -> resolve("db/migrations"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("two repeatable migrations are named 'totals': " + first + " and " + second);
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedWithTheByteAndLine() throws IOException {
        byte[] head = "SELECT 1;\nSELECT '".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "';\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xC3;
        content[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, content, head.length + 2, tail.length);
        write("db/migrations/V1__latin.sql", content);

        assertThatThrownBy(() -> resolve("db/migrations"))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> assertThat(e.what())
                        .isEqualTo("V1__latin.sql is not valid UTF-8 at line 2, byte 9 of the line"));
    }

    @Test
    void aByteOrderMarkDoesNotChangeTheChecksum() throws IOException {
        write("db/migrations/V1__plain.sql", "SELECT 1;\n");
        write("db/other/V1__bom.sql", "\uFEFFSELECT 1;\n");

        assertThat(resolve("db/other").get(0).checksum())
                .isEqualTo(resolve("db/migrations").get(0).checksum());
    }

    @Test
    void aMissingLocationIsAUsageError() {
        assertThatThrownBy(() -> resolve("db/missing"))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what())
                            .isEqualTo("migration location db/missing (" + project.resolve("db/missing")
                                    + ") is not a directory");
                });
    }

    @Test
    void aBadFileNameStopsTheScan() throws IOException {
        write("db/migrations/V1_create.sql", "SELECT 1;");

        assertThatThrownBy(() -> resolve("db/migrations"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("bad migration file name V1_create.sql");
    }

    @Test
    void readsAClasspathLocationFromADirectory() throws IOException {
        Path classes = project.resolve("classes");
        Files.createDirectories(classes.resolve("db/migration/sub"));
        Files.writeString(classes.resolve("db/migration/V1__one.sql"), "SELECT 1;");
        Files.writeString(classes.resolve("db/migration/sub/V2__two.sql"), "SELECT 2;");

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            List<MigrationScript> scripts =
                    new MigrationResolver(project, List.of("classpath:db/migration"), loader).resolve();

            assertThat(scripts).extracting(MigrationScript::label).containsExactly("V1", "V2");
            assertThat(scripts).extracting(MigrationScript::script).containsExactly("V1__one.sql", "sub/V2__two.sql");
            assertThat(scripts.get(1).content()).isEqualTo("SELECT 2;");
        }
    }

    private Path jar(Map<String, String> entries, boolean directoryEntries) throws IOException {
        Path jar = project.resolve("migrations.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out)) {
            if (directoryEntries) {
                for (String dir : List.of("db/", "db/migration/", "db/migration/sub/")) {
                    jarOut.putNextEntry(new JarEntry(dir));
                    jarOut.closeEntry();
                }
            }
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jarOut.putNextEntry(new JarEntry(e.getKey()));
                jarOut.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    private static final Map<String, String> JAR_ENTRIES = Map.of(
            "db/migration/V1__one.sql", "SELECT 1;",
            "db/migration/sub/V2__two.sql", "SELECT 2;",
            "db/migration/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;",
            "db/other/V9__not_here.sql", "SELECT 9;");

    @Test
    void readsAClasspathLocationFromAJar() throws IOException {
        Path jar = jar(JAR_ENTRIES, true);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<MigrationScript> scripts =
                    new MigrationResolver(project, List.of("classpath:/db/migration/"), loader).resolve();

            assertThat(scripts).extracting(MigrationScript::label).containsExactly("V1", "V2", "R__view");
            assertThat(scripts)
                    .extracting(MigrationScript::script)
                    .containsExactly("V1__one.sql", "sub/V2__two.sql", "R__view.sql");
            assertThat(scripts)
                    .extracting(MigrationScript::location)
                    .containsExactly(
                            "classpath:db/migration/V1__one.sql",
                            "classpath:db/migration/sub/V2__two.sql",
                            "classpath:db/migration/R__view.sql");
            assertThat(scripts.get(2).content()).isEqualTo("CREATE OR REPLACE VIEW v AS SELECT 1;");
        }
    }

    @Test
    void readsAClasspathLocationFromAJarWithoutDirectoryEntries() throws IOException {
        Path jar = jar(JAR_ENTRIES, false);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<MigrationScript> scripts =
                    new MigrationResolver(project, List.of("classpath:db/migration"), loader).resolve();

            assertThat(scripts).extracting(MigrationScript::label).containsExactly("V1", "V2", "R__view");
        }
    }

    @Test
    void aClasspathLocationThatIsNotThereIsAUsageError() throws IOException {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {project.toUri().toURL()}, null)) {
            MigrationResolver resolver = new MigrationResolver(project, List.of("classpath:db/nowhere"), loader);

            assertThatThrownBy(resolver::resolve)
                    .asInstanceOf(type(KeelException.class))
                    .satisfies(e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.what())
                                .isEqualTo("migration location classpath:db/nowhere is not on the class path");
                    });
        }
    }

    @Test
    void aSymlinkedMigrationsFolderIsFollowed() throws IOException {
        write("shared/migrations/V1__create_orders.sql", "CREATE TABLE orders (id int);\n");
        Files.createDirectories(project.resolve("db"));
        Files.createSymbolicLink(project.resolve("db/migrations"), project.resolve("shared/migrations"));

        assertThat(resolve("db/migrations"))
                .extracting(MigrationScript::script)
                .containsExactly("V1__create_orders.sql");
    }

    @Test
    void aSymlinkedSubfolderIsFollowed() throws IOException {
        write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id int);\n");
        write("elsewhere/V2__add_status.sql", "ALTER TABLE orders ADD COLUMN status text;\n");
        Files.createSymbolicLink(project.resolve("db/migrations/2026"), project.resolve("elsewhere"));

        assertThat(resolve("db/migrations"))
                .extracting(MigrationScript::script)
                .containsExactly("V1__create_orders.sql", "2026/V2__add_status.sql");
    }

    @Test
    void aSymlinkLoopIsAnErrorNotAHang() throws IOException {
        write("db/migrations/sub/V1__create_orders.sql", "CREATE TABLE orders (id int);\n");
        Files.createSymbolicLink(project.resolve("db/migrations/sub/back"), project.resolve("db/migrations"));

        assertThatThrownBy(() -> resolve("db/migrations"))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage())
                            .contains("symbolic link that leads back", "sub/back", "remove that link");
                });
    }

    @Test
    void aDirectoryWithAMigrationsNameIsRefused() throws IOException {
        write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id int);\n");
        write("db/migrations/V2__x.sql/inside.txt", "a folder, not a migration");

        assertThatThrownBy(() -> resolve("db/migrations"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2__x.sql is a directory")
                .hasMessageContaining("rename the directory");
    }

    @Test
    void aDirectoryWithAnotherNameIsSearched() throws IOException {
        write("db/migrations/old.sql/V1__create_orders.sql", "CREATE TABLE orders (id int);\n");

        assertThat(resolve("db/migrations"))
                .extracting(MigrationScript::script)
                .containsExactly("old.sql/V1__create_orders.sql");
    }

    @Test
    void aBrokenSymlinkWithAMigrationsNameIsRefused() throws IOException {
        Files.createDirectories(project.resolve("db/migrations"));
        Files.createSymbolicLink(project.resolve("db/migrations/V1__gone.sql"), project.resolve("nowhere.sql"));

        assertThatThrownBy(() -> resolve("db/migrations"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__gone.sql is a symbolic link to a file that does not exist");
    }

    @Test
    void aNonAsciiNameKeepsItsDescription() throws IOException {
        write("db/migrations/V1__cr\u00e9ation_des_tables.sql", "CREATE TABLE t (id int);\n");

        assertThat(resolve("db/migrations")).singleElement().satisfies(s -> {
            assertThat(s.description()).isEqualTo("cr\u00e9ation des tables");
            assertThat(s.script()).isEqualTo("V1__cr\u00e9ation_des_tables.sql");
        });
    }
}
