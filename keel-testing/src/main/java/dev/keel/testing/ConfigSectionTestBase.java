package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.io.TempDir;

/**
 * For the tests of a module's keel.yaml section: writes keel.yaml into a fresh project directory and
 * loads it as every front end does, with the modules on the test's class path.
 */
public abstract class ConfigSectionTestBase {
    @TempDir
    protected Path dir;

    protected KeelYaml load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    /** @param env the KEEL_* variables to apply, instead of the process's */
    protected KeelYaml load(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), yaml);
        return ConfigLoader.load(dir, null, env);
    }

    /** Asserts a usage error and hands back the exception for further checks. */
    protected static ObjectAssert<KeelException> usageError(ThrowingLoad load) {
        return assertThatThrownBy(load::run)
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    protected interface ThrowingLoad {
        void run() throws Exception;
    }
}
