package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.checks.HealthChecks;
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
