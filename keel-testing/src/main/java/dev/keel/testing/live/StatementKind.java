package dev.keel.testing.live;

import java.util.Locale;
import java.util.Random;

/** What an application statement does; readers only read, writers insert, update and delete. */
public enum StatementKind {
    /** Opening the connection and setting its search_path: an application that cannot connect fails too. */
    CONNECT,
    READ,
    INSERT,
    UPDATE,
    DELETE;

    /** A writer's next statement: mostly updates of existing rows, as on a busy table, some inserts, few deletes. */
    static StatementKind nextWrite(Random random) {
        int roll = random.nextInt(10);
        if (roll < 3) {
            return INSERT;
        }
        return roll < 9 ? UPDATE : DELETE;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
