package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.http.AgentServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class StaticFilesTest {

    @Test
    void servesTheStylesheetTheChartScriptAndUplotFromTheJarUnderTheSecurityHeaders() throws Exception {
        try (AgentServer server = Fetch.serve(StaticFiles.handlers())) {
            HttpResponse<String> uplot = Fetch.get(server, StaticFiles.UPLOT_JS);
            assertThat(uplot.statusCode()).isEqualTo(200);
            assertThat(uplot.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(uplot.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
            assertThat(uplot.body()).contains("uPlot");

            assertThat(Fetch.get(server, StaticFiles.UPLOT_CSS).body()).contains(".uplot");
            assertThat(Fetch.get(server, StaticFiles.CSS).body()).contains(".principal");
            assertThat(Fetch.get(server, StaticFiles.CHARTS_JS).body()).contains("new uPlot(");
            assertThat(Fetch.get(server, "/static/../keel.css").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void uplotsVersionComesFromItsWebjar() {
        assertThat(StaticFiles.uplotVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
