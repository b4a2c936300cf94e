package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings every goal shares: the project directory, the configuration file, skip. */
class KeelMojoTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private InfoMojo mojo() {
        InfoMojo mojo = new InfoMojo();
        mojo.projectDir = dir.toFile();
        mojo.env = Map.of();
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void skipDoesNothingAndSaysSo() throws Exception {
        InfoMojo mojo = mojo();
        mojo.projectDir = dir.resolve("missing").toFile();
        mojo.skip = true;

        mojo.execute();

        assertThat(log.lines).containsExactly("INFO keel: skipped (keel.skip)");
    }

    @Test
    void missingProjectDirectoryIsAConfigurationError() {
        InfoMojo mojo = mojo();
        mojo.projectDir = dir.resolve("missing").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageEndingWith("[KEEL-CORE-PROJECT-MISSING]");
    }

    @Test
    void configFileReplacesKeelYamlAndItsUnknownKeysAreNamed() throws Exception {
        Files.writeString(dir.resolve("keel.yaml"), "migrations:\n  locations: [db/migrations]\n");
        Path other = Files.writeString(dir.resolve("ci.yaml"), "migrations:\n  lockTimout: 2s\n");
        InfoMojo mojo = mojo();
        mojo.configFile = other.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'migrations.lockTimout'")
                .hasMessageEndingWith("[KEEL-CORE-CONFIG-UNKNOWN-KEY]");
    }

    @Test
    void missingConfigFileIsAConfigurationError() {
        InfoMojo mojo = mojo();
        mojo.configFile = dir.resolve("nope.yaml").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageEndingWith("[KEEL-CORE-CONFIG-NOT-FOUND]");
    }
}
