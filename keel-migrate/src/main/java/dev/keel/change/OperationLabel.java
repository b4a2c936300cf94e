package dev.keel.change;

/**
 * Which operation of a change file a finding is about, as a reader finds it again: its place in the list (from 1),
 * its kind, and the table, column or named index or constraint it touches when the file says them. Read from the
 * YAML as written, so an operation that did not parse is still named.
 *
 * @param kind null when the item is not an operation at all
 * @param table null when the operation names none (raw_sql, drop_index)
 * @param column the column within the table; null when none
 * @param name the index or constraint the operation creates or drops; null when none
 */
public record OperationLabel(int index, String kind, String table, String column, String name) {

    public static OperationLabel of(int index, String kind, YamlNode body) {
        if (kind == null || body == null || !body.isMap()) {
            return new OperationLabel(index, kind, null, null, null);
        }
        boolean onTable = kind.endsWith("_table");
        String table = text(body, "table");
        if (table == null && onTable) {
            table = text(body, "name") != null ? text(body, "name") : text(body, "from");
        }
        YamlNode columnNode = body.map().get("column");
        String column = columnNode == null
                ? kind.endsWith("_column") ? text(body, "from") : null
                : columnNode.isMap() ? text(columnNode, "name") : blankToNull(columnNode.text());
        String name = onTable ? null : text(body, "name");
        return new OperationLabel(index, kind, table, column, name);
    }

    private static String text(YamlNode node, String key) {
        YamlNode value = node.map().get(key);
        return value == null ? null : blankToNull(value.text());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * {@code operation 2 (alter_column on orders.amount)}, {@code operation 3 (create_index orders_status on orders)}:
     * the prefix of every finding about the operation.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("operation ").append(index);
        if (kind == null) {
            return s.toString();
        }
        s.append(" (").append(kind);
        if (name != null) {
            s.append(' ').append(name);
        }
        if (table != null) {
            s.append(" on ").append(table);
            if (column != null) {
                s.append('.').append(column);
            }
        }
        return s.append(')').toString();
    }
}
