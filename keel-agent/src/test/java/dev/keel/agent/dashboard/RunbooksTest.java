package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.checks.HealthChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunbooksTest {
    private final Runbooks runbooks = new Runbooks();

    @Test
    void everyHealthCheckHasItsRunbookBundledIntoTheJar() {
        HealthChecks.all()
                .forEach(check -> assertThat(runbooks.html(check.id()))
                        .as(check.id())
                        .hasValueSatisfying(html -> assertThat(html).contains("How to fix")));
    }

    @Test
    void everyRunbookInDocsRendersWithoutMarkupLeakingThrough() throws Exception {
        try (Stream<Path> pages = Files.list(Path.of(System.getProperty("user.dir"), "..", "docs", "runbooks"))) {
            List<String> checks = pages.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !name.equals("README.md"))
                    .map(name -> name.substring(0, name.length() - ".md".length()))
                    .toList();
            assertThat(checks).contains("backup-targets", "pending-migrations");
            for (String check : checks) {
                assertThat(runbooks.html(check))
                        .as(check)
                        .hasValueSatisfying(html -> assertThat(html)
                                .contains("<h3>" + check + "</h3>")
                                .doesNotContain("<script"));
            }
        }
    }

    @Test
    void theRunbookIsRenderedFromDocsRunbooks() {
        assertThat(runbooks.html("invalid-indexes"))
                .hasValueSatisfying(html -> assertThat(html)
                        .contains("<h3>invalid-indexes</h3>")
                        .contains("<pre><code>DROP INDEX CONCURRENTLY &lt;index&gt;;"));
    }

    @Test
    void onlyACheckIdNamesARunbook() {
        assertThat(runbooks.html("no-such-check")).isEmpty();
        assertThat(runbooks.html("../../../META-INF/MANIFEST")).isEmpty();
        assertThat(runbooks.html("README")).isEmpty();
        assertThat(runbooks.html(null)).isEmpty();
    }
}
