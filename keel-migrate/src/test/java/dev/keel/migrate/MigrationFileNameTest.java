package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.error.ExitCode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationFileNameTest {

    @Test
    void versionedFile() {
        MigrationFileName.Parsed parsed = MigrationFileName.parse("V1__x.sql").orElseThrow();

        assertThat(parsed.type()).isEqualTo(MigrationType.VERSIONED);
        assertThat(parsed.version()).isEqualTo(MigrationVersion.parse("1"));
        assertThat(parsed.description()).isEqualTo("x");
    }

    @Test
    void dottedVersionAndUnderscoresInTheDescription() {
        MigrationFileName.Parsed parsed =
                MigrationFileName.parse("V1.1__add_thing.sql").orElseThrow();

        assertThat(parsed.version()).isEqualTo(MigrationVersion.parse("1.1"));
        assertThat(parsed.description()).isEqualTo("add thing");
    }

    @Test
    void flywayUnderscoreVersion() {
        MigrationFileName.Parsed parsed =
                MigrationFileName.parse("V2_1__split_orders.sql").orElseThrow();

        assertThat(parsed.version()).isEqualTo(MigrationVersion.parse("2.1"));
        assertThat(parsed.description()).isEqualTo("split orders");
    }

    @Test
    void repeatableFile() {
        MigrationFileName.Parsed parsed = MigrationFileName.parse("R__view.sql").orElseThrow();

        assertThat(parsed.type()).isEqualTo(MigrationType.REPEATABLE);
        assertThat(parsed.version()).isNull();
        assertThat(parsed.description()).isEqualTo("view");
    }

    @ParameterizedTest
    @ValueSource(strings = {"U1__undo.sql", "U1.1__undo_thing.sql", "README.md", "notes.txt", "V1__x.sql.bak"})
    void skipsFilesKeelDoesNotRun(String fileName) {
        assertThat(MigrationFileName.parse(fileName)).isEqualTo(Optional.empty());
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("V1_x.sql", "the version and the description must be separated by two underscores"),
                Arguments.of("Vx__a.sql", "'x' is not a version (use dotted numbers such as 1, 1.1 or 20261123.1)"),
                Arguments.of("V__a.sql", "'' is not a version"),
                Arguments.of("V1__.sql", "a description must follow the two underscores"),
                Arguments.of("V1___.sql", "a description must follow the two underscores"),
                Arguments.of("X1__a.sql", "migration files start with V (versioned) or R (repeatable)"),
                Arguments.of("schema.sql", "migration files start with V (versioned) or R (repeatable)"),
                Arguments.of("R__.sql", "a repeatable migration needs a description after R__"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void rejectsBadNamesSayingWhy(String fileName, String reason) {
        assertThatThrownBy(() -> MigrationFileName.parse(fileName))
                .asInstanceOf(type(MigrationException.class))
                .satisfies(e -> {
                    assertThat(e.what())
                            .startsWith("bad migration file name " + fileName + ": ")
                            .contains(reason);
                    assertThat(e.todo())
                            .isEqualTo("rename it to V<version>__<description>.sql or R__<description>.sql");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                });
    }

    @Test
    void aYamlFileWithAVersionIsAChange() {
        MigrationFileName.Parsed parsed =
                MigrationFileName.parse("V8__orders_amount_bigint.yaml").orElseThrow();
        assertThat(parsed.type()).isEqualTo(MigrationType.CHANGE);
        assertThat(parsed.version()).isEqualTo(MigrationVersion.parse("8"));
        assertThat(parsed.description()).isEqualTo("orders amount bigint");
        assertThat(MigrationFileName.parse("keel.yaml")).isEmpty();
    }
}
