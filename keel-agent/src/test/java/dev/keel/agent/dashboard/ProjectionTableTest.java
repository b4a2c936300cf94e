package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.upkeep.ProjectionUpkeep;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTableTest {
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T10:00:00Z");

    static ProjectionUpkeep.Row summary(double age, OffsetDateTime refreshed) {
        return new ProjectionUpkeep.Row("public", "daily", "summary", "ready", 60.0, age, refreshed, null, null, null);
    }

    @Test
    void stalenessIsJudgedAsTheDoctorJudgesIt() {
        assertThat(ProjectionTable.staleness(summary(119, AT)))
                .isEqualTo("<span class=\"badge ok\">fresh</span> 1min 59s old; every 1min");
        assertThat(ProjectionTable.staleness(summary(120, AT)))
                .startsWith("<span class=\"badge warning\">stale</span>");
        assertThat(ProjectionTable.staleness(summary(1200, null)))
                .isEqualTo("<span class=\"badge critical\">stale</span> 20min since created, never refreshed; every"
                        + " 1min");
    }

    @Test
    void kindsWithoutAnIntervalShowNoStaleness() {
        ProjectionUpkeep.Row counter =
                new ProjectionUpkeep.Row("public", "per_user", "counter", "ready", null, 9, null, AT, null, 5.0);

        assertThat(ProjectionTable.staleness(counter)).isEqualTo("-");
        assertThat(ProjectionTable.html(List.of(counter)))
                .contains("<td>counter</td><td><code>public.per_user</code></td><td>ready</td>"
                        + "<td>-</td><td>2026-12-03 10:00:00 UTC</td><td>never</td><td>-</td>");
    }

    @Test
    void namesAreEscaped() {
        ProjectionUpkeep.Row odd =
                new ProjectionUpkeep.Row("public", "<b>x</b>", "projection", "ready", null, 1, null, null, null, null);

        assertThat(ProjectionTable.html(List.of(odd)))
                .contains("public.&lt;b&gt;x&lt;/b&gt;")
                .doesNotContain("<b>");
    }

    @Test
    void anEmptyRegistrySaysSo() {
        assertThat(ProjectionTable.html(List.of())).contains("Keel keeps no counter");
    }
}
