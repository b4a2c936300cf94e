package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A docs page generated from code: the test fails when the checked-in page differs, and rewrites it when run with
 * {@code -Dkeel.docs.update=true} (then review the diff and commit it). It lives in keel-cli, the one module whose class
 * path holds every module (keel-agent included), since each module contributes its own part of the page.
 */
final class GeneratedPage {

    private GeneratedPage() {}

    static void assertUpToDate(String relativePath, String generated) throws IOException {
        Path page = root().resolve(relativePath);
        if (Boolean.getBoolean("keel.docs.update")) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, generated);
        }
        assertThat(Files.exists(page))
                .as(relativePath + " is missing: run mvn test -pl keel-cli -am -Dkeel.docs.update=true")
                .isTrue();
        assertThat(Files.readString(page))
                .as(relativePath
                        + " is out of date: run mvn test -pl keel-cli -am -Dkeel.docs.update=true and commit it")
                .isEqualTo(generated);
    }

    /** The repository root: the module's parent directory (Maven runs tests in the module directory). */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.exists(dir.resolve("keel-app")) ? dir : dir.getParent();
    }
}
