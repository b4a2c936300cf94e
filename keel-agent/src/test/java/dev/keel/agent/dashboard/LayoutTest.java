package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LayoutTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void everyPageHasTheNavBarWithItsOwnEntryMarkedAndTheSharedStylesheet() {
        String page = Layout.page("/backups", "Backups", "<p>x</p>", false, AT);

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("<link rel=\"stylesheet\" href=\"/static/keel.css\">")
                .contains("<a href=\"/backups\" class=\"active\" aria-current=\"page\">Backups</a>")
                .contains("<a href=\"/\">Overview</a>", "<a href=\"/statements\">", "<a href=\"/schema\">")
                .contains("<a href=\"/jobs\">")
                .contains("Rendered 2026-12-03 10:00:00 UTC")
                .doesNotContain("uplot", "<script");
    }

    @Test
    void aPageWithChartsLoadsUplotAndTheChartScriptFromTheAgentAndNothingInline() {
        String page = Layout.page("/statements", "Statements", "", true, AT);

        assertThat(page)
                .contains("<script src=\"/static/uplot.js\"></script>", "<script src=\"/static/charts.js\"></script>")
                .contains("href=\"/static/uplot.css\"")
                .doesNotContain("style=", "<style", "onload=", "http://", "https://");
    }

    @Test
    void theTitleIsEscaped() {
        assertThat(Layout.page("/", "<b>", "", false, AT)).contains("<title>&lt;b&gt; · keel up</title>");
    }

    @Test
    void aMissingTimeIsNever() {
        assertThat(Layout.when(null)).isEqualTo("never");
    }
}
