package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What migrate refuses before it reaches for a database; the runs themselves are in MavenPluginIT. */
class MigrateMojoTest {
    @TempDir
    Path dir;

    @Test
    void malformedTargetIsAUsageErrorBeforeAnyConnection() {
        MigrateMojo mojo = new MigrateMojo();
        mojo.projectDir = dir.toFile();
        // Nothing listens on port 1: reaching for the database would fail differently.
        mojo.url = "postgresql://keel@127.0.0.1:1/nowhere";
        mojo.env = Map.of();
        mojo.target = "one";
        mojo.setLog(new RecordingLog());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("keel: error: target ")
                .hasMessageEndingWith("[KEEL-CORE-COMMAND-LINE]");
    }
}
