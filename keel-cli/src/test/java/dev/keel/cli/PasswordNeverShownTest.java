package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: a password holding a malformed percent-escape ("se%ZZcret") reached the error line, the
 * --json document and the -v stack trace through URLDecoder's message ("… in: \"ZZ\""). No part of a
 * password may appear in any output.
 */
class PasswordNeverShownTest {
    private static final String PASSWORD = "se%ZZcret";
    /** The password and the pieces of it a message could quote. */
    private static final String[] PIECES = {PASSWORD, "se%", "%ZZ", "ZZ", "cret", "secret"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;

    @BeforeEach
    void project(@TempDir Path dir) {
        this.dir = TestProject.in(dir)
                .migration("V1__one.sql", "create table one (id bigint);")
                .dir();
    }

    static List<String> urls() {
        return List.of(
                "postgresql://u:" + PASSWORD + "@127.0.0.1:1/db",
                "jdbc:postgresql://127.0.0.1:1/db?user=u&password=" + PASSWORD,
                "postgresql://u@127.0.0.1:1/db?password=" + PASSWORD,
                "jdbc:postgresql://u:" + PASSWORD + "@127.0.0.1:1/db");
    }

    private Cli.Run keel(String url, String... options) {
        List<String> args = new ArrayList<>(List.of("--url", url, "-C", dir.toString()));
        args.addAll(List.of(options));
        args.add("migrate");
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertNoPiece(Cli.Run run) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stdout()).doesNotContain(PIECES);
        assertThat(run.stderr()).doesNotContain(PIECES);
    }

    @ParameterizedTest
    @MethodSource("urls")
    void notInTheErrorLine(String url) {
        Cli.Run run = keel(url);

        assertNoPiece(run);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .containsAnyOf("in the database URL from --url", "the JDBC URL from --url");
    }

    @ParameterizedTest
    @MethodSource("urls")
    void notInTheJsonDocument(String url) throws Exception {
        Cli.Run run = keel(url, "--json");

        assertNoPiece(run);
        JsonNode error = JSON.readTree(run.stdout()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText())
                .containsAnyOf("in the database URL from --url", "the JDBC URL from --url");
    }

    @ParameterizedTest
    @MethodSource("urls")
    void notInTheVerboseOutput(String url) {
        Cli.Run run = keel(url, "-v");

        assertNoPiece(run);
        assertThat(run.stderr()).doesNotContain("\tat ");
    }
}
