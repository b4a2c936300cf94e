package dev.keel.backup.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCountComparisonTest {
    @Test
    void equalCountsHaveNoDifference() {
        RowCountComparison c = RowCountComparison.of(
                Map.of("shop.public.orders", 3L), Map.of("shop.public.orders", 3L, "shop.public.new", 1L));
        assertThat(c.compared()).isEqualTo(1);
        assertThat(c.differences()).isEmpty();
    }

    @Test
    void changedAndMissingTablesAreNamed() {
        RowCountComparison c = RowCountComparison.of(
                Map.of("shop.public.orders", 120L, "shop.public.users", 5L), Map.of("shop.public.orders", 118L));
        assertThat(c.differences())
                .containsExactly(
                        "shop.public.orders: 120 rows in the backup, 118 restored",
                        "shop.public.users: 5 rows in the backup, table missing from the restore");
    }
}
