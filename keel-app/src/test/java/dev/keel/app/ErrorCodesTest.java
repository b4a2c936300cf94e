package dev.keel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every failure names its own stable code. The generic factories {@code KeelException.usage/failed/operation} and the
 * exit-code-only constructors are gone; this keeps them from coming back in any module's main sources.
 */
class ErrorCodesTest {

    /** The modules whose failures all carry a specific code. */
    static final List<String> MODULES =
            List.of("keel-core", "keel-backup", "keel-insight", "keel-app", "keel-migrate", "keel-flags", "keel-cli");

    private static final Pattern GENERIC = Pattern.compile(
            "KeelException\\.(usage|failed|operation)\\(|(new KeelException|super)\\(\\s*(dev\\.keel\\.error\\.)?ExitCode\\.");

    @Test
    void noMainSourceFallsBackToAGenericCode() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : MODULES) {
            List<Path> sources = mainSources(module);
            assertThat(sources).as("main sources of " + module).isNotEmpty();
            for (Path source : sources) {
                offenders.addAll(genericSites(root().relativize(source).toString(), Files.readString(source)));
            }
        }
        assertThat(offenders)
                .as("failures without a specific code: give each an <Area>Error constant")
                .isEmpty();
    }

    @Test
    void findsEveryFormOfAGenericCode() {
        String source = """
                throw KeelException.usage("a", "b");
                throw dev.keel.error.KeelException.failed("a", "b");
                return KeelException.operation("a", "b", e);
                throw new KeelException(ExitCode.OPERATION, "a", "b");
                throw new KeelException(
                        dev.keel.error.ExitCode.USAGE, "a", "b");
                super(ExitCode.FAILED, what, todo);
                throw new KeelException(CoreError.IO_FAILED, "a", "b");
                """;
        assertThat(genericSites("X.java", source))
                .containsExactly("X.java:1", "X.java:2", "X.java:3", "X.java:4", "X.java:5", "X.java:7");
    }

    static List<String> genericSites(String name, String source) {
        List<String> sites = new ArrayList<>();
        Matcher m = GENERIC.matcher(source);
        while (m.find()) {
            long line = source.substring(0, m.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            sites.add(name + ":" + line);
        }
        return sites;
    }

    private static List<Path> mainSources(String module) throws IOException {
        Path main = root().resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The repository root: the module's parent directory (Maven runs tests in the module directory). */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.exists(dir.resolve("keel-app")) ? dir : dir.getParent();
    }
}
