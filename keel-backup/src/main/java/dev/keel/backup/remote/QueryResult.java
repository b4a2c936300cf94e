package dev.keel.backup.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A result set in text form, as the replication commands send them (IDENTIFY_SYSTEM, SHOW, BASE_BACKUP's positions). */
record QueryResult(List<String> columns, List<List<String>> rows) {

    /** The value in the first row; null when the column is absent, there is no row, or the value is NULL. */
    String first(String column) {
        int index = columns.indexOf(column);
        return index < 0 || rows.isEmpty() ? null : rows.get(0).get(index);
    }

    static final QueryResult EMPTY = new QueryResult(List.of(), List.of());

    /** Reads the DataRows that follow {@code description} (a RowDescription) up to and including CommandComplete. */
    static QueryResult read(PgWire wire, BackendMessage description) throws IOException {
        int count = description.int16();
        List<String> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(description.cstring());
            // table oid, attribute number, type oid, type size, type modifier, format: text is all keel reads
            description.bytes(4 + 2 + 4 + 2 + 4 + 2);
        }
        List<List<String>> rows = new ArrayList<>();
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'D' -> rows.add(row(message));
                case 'C' -> {
                    return new QueryResult(Collections.unmodifiableList(columns), Collections.unmodifiableList(rows));
                }
                case 'E' -> throw new ServerErrorException(ServerError.parse(message));
                case 'N', 'S' -> {
                    // notices and parameter changes may come at any time
                }
                default -> throw new IOException("unexpected '" + message.type() + "' message in a result set");
            }
        }
    }

    private static List<String> row(BackendMessage message) throws IOException {
        int count = message.int16();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = message.int32();
            values.add(length < 0 ? null : new String(message.bytes(length), StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableList(values);
    }
}
