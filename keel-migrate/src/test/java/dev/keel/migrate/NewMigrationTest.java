package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.change.ChangeFile;
import dev.keel.change.Operation;
import dev.keel.change.Operations;
import dev.keel.check.Finding;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewMigrationTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 9, 30, 15);

    @TempDir
    Path project;

    private MigrationSettings settings(String... locations) {
        return new MigrationSettings(
                project,
                List.of(locations),
                "keel",
                "schema_history",
                Duration.ofSeconds(2),
                Duration.ZERO,
                5,
                false,
                getClass().getClassLoader());
    }

    private void existing(String name) throws IOException {
        Path file = project.resolve("db/migrations").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "SELECT 1;\n");
    }

    private List<String> filesIn(String dir) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve(dir))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstMigrationIsVersionOneNamedAfterTheDescription() throws IOException {
        NewMigration.Result result = NewMigration.create(settings("db/migrations"), "Add orders.status (text)", NOW);

        assertThat(result.version()).isEqualTo("1");
        assertThat(result.file()).isEqualTo(project.resolve("db/migrations/V1__add_orders_status_text.sql"));
        assertThat(Files.readString(result.file()))
                .startsWith("-- Add orders.status (text)\n-- keel runs this file in one transaction");
        assertThat(MigrationFileName.parse(result.file().getFileName().toString())
                        .orElseThrow()
                        .description())
                .isEqualTo("add orders status text");
    }

    @Test
    void aChangeFileIsTheNextVersionWithACommentedSkeletonThatCheckFindsEmpty() throws IOException {
        existing("V1__one.sql");
        Path change = project.resolve("db/migrations/V2__earlier_change.yaml");
        Files.writeString(change, "operations:\n  - rename_column: {table: t, from: a, to: b}\n");

        NewMigration.Result result =
                NewMigration.create(settings("db/migrations"), "add status", NOW, NewMigration.Kind.CHANGE);

        assertThat(result.version()).as("numbered after the change file too").isEqualTo("3");
        assertThat(result.file()).isEqualTo(project.resolve("db/migrations/V3__add_status.yaml"));
        String text = Files.readString(result.file());
        assertThat(text)
                .startsWith("# add status\n")
                .contains("\noperations:\n")
                .contains("#  - alter_column: {table: orders, column: amount, type: bigint")
                .doesNotContain("${");
        assertThat(MigrationFileName.isChangeFile(result.file().getFileName().toString()))
                .isTrue();
        // Left as written it holds no operation: keel check says so instead of running an empty change.
        assertThat(ChangeFile.parse("V3__add_status.yaml", text).findings().all())
                .extracting(Finding::rule)
                .containsExactly("change-no-operations");
    }

    @Test
    void everyOperationOfTheSkeletonParsesWhenUncommented() throws IOException {
        NewMigration.Result result =
                NewMigration.create(settings("db/migrations"), "all of them", NOW, NewMigration.Kind.CHANGE);
        String uncommented = Files.readString(result.file()).replace("\n#  ", "\n  ");

        ChangeFile file = ChangeFile.parse("V1__all_of_them.yaml", uncommented);

        assertThat(file.findings().all()).isEmpty();
        assertThat(file.operations())
                .extracting(Operation::kind)
                .containsAll(Operations.all().keySet());
    }

    @Test
    void aDescriptionOverSeveralLinesStaysOneCommentLine() throws IOException {
        NewMigration.Result sql = NewMigration.create(settings("db/migrations"), "first\nsecond", NOW);
        assertThat(Files.readString(sql.file())).startsWith("-- first second\n");
        NewMigration.Result change =
                NewMigration.create(settings("db/migrations"), "third\r\nfourth", NOW, NewMigration.Kind.CHANGE);
        assertThat(Files.readString(change.file())).startsWith("# third fourth\n");
    }

    @Test
    void theNextMigrationFollowsTheHighestMajorVersion() throws IOException {
        existing("V1__one.sql");
        existing("V2__two.sql");
        existing("sub/V7.1__seven_one.sql");
        existing("R__view.sql");

        NewMigration.Result result = NewMigration.create(settings("db/migrations"), "next step", NOW);

        assertThat(result.version()).isEqualTo("8");
        assertThat(result.file().getFileName().toString()).isEqualTo("V8__next_step.sql");
    }

    @Test
    void aTimestampedProjectGetsATimestampFromTheClock() throws IOException {
        existing("V20261123120000__create_orders.sql");

        NewMigration.Result result = NewMigration.create(settings("db/migrations"), "add index", NOW);

        assertThat(result.version()).isEqualTo("20261124093015");
        assertThat(result.file().getFileName().toString()).isEqualTo("V20261124093015__add_index.sql");
    }

    @Test
    void aTimestampedVersionIsAboveTheHighestEvenWhenTheClockIsBehind() throws IOException {
        existing("V20261124120000__create_orders.sql");

        NewMigration.Result result = NewMigration.create(settings("db/migrations"), "add index", NOW);

        assertThat(MigrationVersion.parse(result.version())).isGreaterThan(MigrationVersion.parse("20261124120000"));
    }

    @Test
    void aDescriptionWithoutLettersOrDigitsIsRejected() {
        assertThatThrownBy(() -> NewMigration.create(settings("db/migrations"), " -- !? ", NOW))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what()).isEqualTo("the description ' -- !? ' has no letters or digits");
                });
        assertThat(Files.exists(project.resolve("db/migrations"))).isFalse();
    }

    @Test
    void anExistingFileIsNeverOverwrittenEvenWhenTheClockRepeatsItsVersion() throws IOException {
        existing("V20261124093015__add_index.sql");
        Path file = project.resolve("db/migrations/V20261124093015__add_index.sql");

        NewMigration.Result result = NewMigration.create(settings("db/migrations"), "add index", NOW);

        assertThat(result.version()).isEqualTo("20261124093016");
        assertThat(Files.readString(file)).isEqualTo("SELECT 1;\n");
        assertThat(filesIn("db/migrations"))
                .containsExactly("V20261124093015__add_index.sql", "V20261124093016__add_index.sql");
    }

    @Test
    void theFileGoesToTheFirstFilesystemLocationButNumbersFollowAllLocations() throws IOException {
        Path classes = project.resolve("classes");
        Files.createDirectories(classes.resolve("db/shared"));
        Files.writeString(classes.resolve("db/shared/V3__shared.sql"), "SELECT 3;");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            MigrationSettings settings = new MigrationSettings(
                    project,
                    List.of("classpath:db/shared", "filesystem:sql/changes"),
                    "keel",
                    "schema_history",
                    Duration.ofSeconds(2),
                    Duration.ZERO,
                    5,
                    false,
                    loader);

            NewMigration.Result result = NewMigration.create(settings, "next", NOW);

            assertThat(result.file()).isEqualTo(project.resolve("sql/changes/V4__next.sql"));
        }
    }

    @Test
    void onlyClasspathLocationsLeaveNowhereToWrite() {
        assertThatThrownBy(() -> NewMigration.create(settings("classpath:db/migration"), "first", NOW))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.what()).isEqualTo("no filesystem migration location is configured"));
    }
}
