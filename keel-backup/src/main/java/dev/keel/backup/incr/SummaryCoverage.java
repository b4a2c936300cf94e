package dev.keel.backup.incr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the WAL summaries that together cover a range of WAL without a gap: a summary covers
 * [start, end), and the summarizer writes them back to back, so a chain is the summaries from the
 * one holding {@code from} up to the one reaching {@code to}.
 */
public final class SummaryCoverage {
    /** LSNs as unsigned numbers. */
    public record Summary(long start, long end) {}

    private SummaryCoverage() {}

    /** Empty when some part of [from, to) is in no summary (the summarizer was off, or removed old summaries). */
    public static Optional<List<Summary>> covering(List<Summary> available, long from, long to) {
        List<Summary> sorted = available.stream()
                .sorted((a, b) -> Long.compareUnsigned(a.start(), b.start()))
                .toList();
        List<Summary> chosen = new ArrayList<>();
        long reached = from;
        for (Summary summary : sorted) {
            if (Long.compareUnsigned(reached, to) >= 0) {
                break;
            }
            if (Long.compareUnsigned(summary.end(), reached) <= 0) {
                continue;
            }
            if (Long.compareUnsigned(summary.start(), reached) > 0) {
                return Optional.empty();
            }
            chosen.add(summary);
            reached = summary.end();
        }
        return Long.compareUnsigned(reached, to) >= 0 ? Optional.of(chosen) : Optional.empty();
    }
}
