package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.upkeep.PartitionUpkeep;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSetTableTest {

    static PartitionUpkeep.Row events(boolean exists, Long ahead) {
        return new PartitionUpkeep.Row(
                "public", "events", "range", "at", "DATE", "1 day", 4, "90 days", "drop", exists, 5, ahead, 3.0);
    }

    @Test
    void fewerAheadThanPremakeIsAWarning() {
        assertThat(PartitionSetTable.ahead(events(true, 4L))).isEqualTo("<span class=\"badge ok\">4 of 4</span>");
        assertThat(PartitionSetTable.ahead(events(true, 1L))).isEqualTo("<span class=\"badge warning\">1 of 4</span>");
        assertThat(PartitionSetTable.ahead(events(true, null))).isEqualTo("-");
    }

    @Test
    void aRangeSetShowsItsDeclarationBesideTheCatalog() {
        assertThat(PartitionSetTable.html(List.of(events(true, 4L))))
                .contains("<td><code>public.events</code></td><td><code>at</code> date range</td><td>1 day</td>"
                        + "<td>4</td><td>90 days, then drop</td><td>5</td>")
                .contains("about 3 rows");
    }

    @Test
    void aListSetAndAMissingTableSayWhatTheyLack() {
        PartitionUpkeep.Row list = new PartitionUpkeep.Row(
                "public", "customers", "list", "region", null, null, 4, null, "detach", false, 0, null, null);

        assertThat(PartitionSetTable.html(List.of(list)))
                .contains("<code>region</code> list</td><td>-</td><td>-</td><td>every partition kept</td>")
                .contains("<span class=\"badge critical\">table missing</span>")
                .contains("<td>none</td>");
    }
}
