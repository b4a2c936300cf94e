package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationLabelTest {

    private static String label(int index, String yaml) throws Exception {
        YamlNode item = YamlNode.parse(yaml);
        String kind = item.map().keySet().iterator().next();
        return OperationLabel.of(index, kind, item.map().get(kind)).toString();
    }

    @Test
    void aColumnOperationNamesTableAndColumn() throws Exception {
        assertThat(label(2, "alter_column: {table: orders, column: amount, type: bigint}"))
                .isEqualTo("operation 2 (alter_column on orders.amount)");
        assertThat(label(1, "add_column: {table: orders, column: {name: status, type: text}}"))
                .isEqualTo("operation 1 (add_column on orders.status)");
        assertThat(label(3, "rename_column: {table: orders, from: note, to: comment}"))
                .isEqualTo("operation 3 (rename_column on orders.note)");
    }

    @Test
    void aTableOperationNamesTheTable() throws Exception {
        assertThat(label(1, "create_table: {name: events, columns: [{name: id, type: bigint}]}"))
                .isEqualTo("operation 1 (create_table on events)");
        assertThat(label(1, "rename_table: {from: orders, to: purchases}"))
                .isEqualTo("operation 1 (rename_table on orders)");
    }

    @Test
    void anIndexOrConstraintIsNamedBeforeItsTable() throws Exception {
        assertThat(label(4, "create_index: {name: orders_status, table: orders, columns: [status]}"))
                .isEqualTo("operation 4 (create_index orders_status on orders)");
        assertThat(label(5, "drop_index: {name: orders_status}")).isEqualTo("operation 5 (drop_index orders_status)");
    }

    @Test
    void whatTheFileDoesNotSayIsLeftOut() throws Exception {
        assertThat(label(1, "raw_sql: {up: select 1}")).isEqualTo("operation 1 (raw_sql)");
        assertThat(label(2, "alter_column: {column: amount}")).isEqualTo("operation 2 (alter_column)");
        assertThat(label(2, "alter_column: {table: '', column: ' '}")).isEqualTo("operation 2 (alter_column)");
        assertThat(label(3, "drop_column: [a, b]")).isEqualTo("operation 3 (drop_column)");
        assertThat(OperationLabel.of(6, null, null)).hasToString("operation 6");
    }
}
