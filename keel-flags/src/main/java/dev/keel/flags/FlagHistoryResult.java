package dev.keel.flags;

import java.util.List;

/** keel flags history NAME: every change of the flag, oldest first. */
public record FlagHistoryResult(String database, String name, List<FlagChange> changes) {
    public FlagHistoryResult {
        changes = List.copyOf(changes);
    }
}
