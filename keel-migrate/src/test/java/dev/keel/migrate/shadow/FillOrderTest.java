package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FillOrderTest {
    private static final RelationName USERS = new RelationName("public", "users");
    private static final RelationName ORDERS = new RelationName("public", "orders");
    private static final RelationName ITEMS = new RelationName("public", "items");
    private static final RelationName A = new RelationName("public", "a");
    private static final RelationName B = new RelationName("public", "b");

    private static ForeignKey key(RelationName child, RelationName parent) {
        return new ForeignKey(child, parent, child.name() + "_fk", List.of("ref"), List.of("id"));
    }

    @Test
    void parentsComeBeforeTheirChildren() {
        List<RelationName> order =
                FillOrder.parentsFirst(List.of(ITEMS, ORDERS, USERS), List.of(key(ITEMS, ORDERS), key(ORDERS, USERS)));
        assertThat(order).containsExactly(USERS, ORDERS, ITEMS);
    }

    @Test
    void selfReferencesAndCyclesDoNotLoseTables() {
        assertThat(FillOrder.parentsFirst(List.of(USERS), List.of(key(USERS, USERS))))
                .containsExactly(USERS);
        assertThat(FillOrder.parentsFirst(List.of(A, B), List.of(key(A, B), key(B, A))))
                .containsExactlyInAnyOrder(A, B);
    }

    @Test
    void aParentOutsideTheFilledTablesIsIgnored() {
        assertThat(FillOrder.parentsFirst(List.of(ORDERS), List.of(key(ORDERS, USERS))))
                .containsExactly(ORDERS);
    }
}
