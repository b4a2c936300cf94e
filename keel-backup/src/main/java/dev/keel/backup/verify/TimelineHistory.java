package dev.keel.backup.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A timeline history file (00000003.history): every ancestor of the timeline and the LSN where its
 * child branched off, oldest first.
 */
public record TimelineHistory(int timeline, List<Branch> branches) {

    /** The timeline {@code parent} was left at {@code switchLsn}. */
    public record Branch(int parent, String switchLsn) {
    }

    public TimelineHistory {
        branches = List.copyOf(branches);
    }

    public static TimelineHistory parse(int timeline, String text) {
        List<Branch> branches = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length >= 2 && fields[1].contains("/")) {
                branches.add(new Branch(Integer.parseInt(fields[0]), fields[1]));
            }
        }
        return new TimelineHistory(timeline, branches);
    }

    public boolean descendsFrom(int ancestor) {
        return branches.stream().anyMatch(b -> b.parent() == ancestor);
    }
}
