package dev.keel.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.advise.ColumnUse.Kind;
import org.junit.jupiter.api.Test;

/** Reading columns out of EXPLAIN's condition text, as the planner prints it. */
class FilterColumnsTest {

    @Test
    void equalityAndRangeWithAliasesCastsAndParameters() {
        assertThat(FilterColumns.compared("((o.user_id = $1) AND (o.created_at >= $2))", Kind.EQUALITY))
                .containsExactly(
                        new ColumnUse("o", "user_id", Kind.EQUALITY), new ColumnUse("o", "created_at", Kind.RANGE));
        assertThat(FilterColumns.compared("((orders.status)::text = ($1)::text)", Kind.EQUALITY))
                .containsExactly(new ColumnUse("orders", "status", Kind.EQUALITY));
        assertThat(FilterColumns.compared("((t.name)::character varying = 'a = b'::character varying)", Kind.EQUALITY))
                .containsExactly(new ColumnUse("t", "name", Kind.EQUALITY));
    }

    @Test
    void joinConditionsNameBothSidesAndQuotedNamesKeepTheirCase() {
        assertThat(FilterColumns.compared("(o.user_id = u.id)", Kind.JOIN))
                .containsExactly(new ColumnUse("o", "user_id", Kind.JOIN), new ColumnUse("u", "id", Kind.JOIN));
        assertThat(FilterColumns.compared("(t.\"UserId\" = $1)", Kind.EQUALITY))
                .containsExactly(new ColumnUse("t", "UserId", Kind.EQUALITY));
    }

    @Test
    void notEqualAndLikeAreNotIndexableHere() {
        assertThat(FilterColumns.compared("((o.status <> $1) AND (o.note ~~ $2))", Kind.EQUALITY))
                .isEmpty();
    }

    @Test
    void sortKeysWithDirection() {
        assertThat(FilterColumns.sortKey("o.created_at DESC"))
                .containsExactly(new ColumnUse("o", "created_at", Kind.SORT));
        assertThat(FilterColumns.sortKey("(lower(o.email))")).isEmpty();
    }
}
