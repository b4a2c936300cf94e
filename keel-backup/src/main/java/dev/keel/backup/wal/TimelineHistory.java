package dev.keel.backup.wal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A timeline history file (00000003.history): every ancestor of the timeline and the LSN where its
 * child branched off, oldest first.
 */
public record TimelineHistory(int timeline, List<Branch> branches) {

    /** The timeline {@code parent} was left at {@code switchLsn}. */
    public record Branch(int parent, String switchLsn) {}

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

    /** Where {@code ancestor} ended and its child began; empty when {@code ancestor} is not in this history. */
    public Optional<String> switchOf(int ancestor) {
        return branches.stream()
                .filter(b -> b.parent() == ancestor)
                .map(Branch::switchLsn)
                .findFirst();
    }

    /** The timeline that branched off {@code ancestor}: the next ancestor, or this timeline after the last. */
    public int childOf(int ancestor) {
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i).parent() == ancestor) {
                return i + 1 < branches.size() ? branches.get(i + 1).parent() : timeline;
            }
        }
        throw new IllegalArgumentException("timeline " + ancestor + " is not an ancestor of timeline " + timeline);
    }

    public boolean descendsFrom(int ancestor) {
        return branches.stream().anyMatch(b -> b.parent() == ancestor);
    }
}
