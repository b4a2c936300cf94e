package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardPageTest {

    /** A page whose body is given, or fails as given. */
    static final class Given extends DashboardPage {
        private final RuntimeException failure;

        Given(RuntimeException failure) {
            super(Clock.systemUTC());
            this.failure = failure;
        }

        @Override
        public String path() {
            return "/given";
        }

        @Override
        public String title() {
            return "Given";
        }

        @Override
        protected String body(Map<String, String> query) {
            if (failure != null) {
                throw failure;
            }
            return "<p>" + Html.escape(query.get("q")) + "</p>";
        }
    }

    @Test
    void aPageWhoseDataCannotBeReadShowsTheOneLineErrorInsteadAndStillRenders() {
        String page = new Given(
                        new KeelException(InsightError.QUERY_FAILED, "reading <stats> failed", "grant pg_monitor"))
                .render(Map.of());

        assertThat(page)
                .contains("<p class=\"error\">reading &lt;stats&gt; failed — grant pg_monitor</p>")
                .contains("<nav>");
    }

    @Test
    void aBugInOnePageIsShownAsSuch() {
        assertThat(new Given(new IllegalStateException("broken")).render(Map.of()))
                .contains("this page failed: java.lang.IllegalStateException: broken");
    }

    @Test
    void queryParametersAreDecodedAndTheirValuesEscaped() throws Exception {
        assertThat(DashboardPage.query("window=24h&by=calls&x=%3Cscript%3E&bad=%zz"))
                .containsEntry("window", "24h")
                .containsEntry("by", "calls")
                .containsEntry("x", "<script>")
                .doesNotContainKey("bad");
        assertThat(Fetch.page(new Given(null), "/given?q=%3Cscript%3Ealert(1)%3C/script%3E")
                        .body())
                .contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }
}
