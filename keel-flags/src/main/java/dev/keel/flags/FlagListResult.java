package dev.keel.flags;

import java.util.List;

/** keel flags list: every flag of the database, by name. */
public record FlagListResult(String database, List<Flag> flags) {
    public FlagListResult {
        flags = List.copyOf(flags);
    }
}
