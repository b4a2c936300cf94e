package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnValuesTest {

    private static FillColumn column(
            String declared, String base, String category, String kind, int typmod, boolean notNull) {
        return new FillColumn("c", declared, base, category, kind, declared, typmod, notNull, false);
    }

    @Test
    void leavesDefaultsIdentityAndGeneratedColumnsToPostgres() {
        FillColumn serial = new FillColumn("id", "bigint", "int8", "N", "b", "bigint", -1, true, true);
        assertThat(ColumnValues.expression(serial, "g")).isEmpty();
    }

    @Test
    void followsTheSeriesAndCastsToTheDeclaredType() {
        assertThat(ColumnValues.expression(column("bigint", "int8", "N", "b", -1, true), "g"))
                .contains("(g)::bigint");
        assertThat(ColumnValues.expression(column("character varying(20)", "varchar", "S", "b", 24, true), "g"))
                .contains("(g::text)::character varying(20)");
        assertThat(ColumnValues.expression(column("uuid", "uuid", "U", "b", -1, true), "g"))
                .contains("(md5(g::text)::uuid)::uuid");
    }

    @Test
    void numericStaysWithinItsPrecision() {
        int numeric52 = ((5 << 16) | 2) + 4;
        assertThat(ColumnValues.expression(column("numeric(5,2)", "numeric", "N", "b", numeric52, true), "g"))
                .contains("(g % 1000)::numeric(5,2)");
    }

    @Test
    void enumsCycleThroughTheirLabels() {
        assertThat(ColumnValues.expression(column("mood", "mood", "E", "e", -1, true), "g"))
                .hasValueSatisfying(
                        e -> assertThat(e).contains("enum_range(NULL::mood)").contains("cardinality"));
    }

    @Test
    void nullableArraysAndUnknownTypesStayNullNotNullOnesGetAValue() {
        assertThat(ColumnValues.expression(column("integer[]", "_int4", "A", "b", -1, false), "g"))
                .isEmpty();
        assertThat(ColumnValues.expression(column("integer[]", "_int4", "A", "b", -1, true), "g"))
                .contains("('{}'::integer[])::integer[]");
        assertThat(ColumnValues.expression(column("point", "point", "G", "b", -1, false), "g"))
                .isEmpty();
        assertThat(ColumnValues.expression(column("point", "point", "G", "b", -1, true), "g"))
                .contains("(g)::text::point");
    }
}
