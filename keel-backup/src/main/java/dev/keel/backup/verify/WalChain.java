package dev.keel.backup.verify;

import java.util.List;

/**
 * The WAL recovery replays from one backup onwards.
 *
 * @param first the backup's start segment; last the newest segment the chain reaches
 * @param segments how many segments the chain spans
 * @param missing segments of the chain that the repository lacks: each is a gap recovery cannot cross
 */
public record WalChain(String first, String last, int segments, List<String> missing) {
    public WalChain {
        missing = List.copyOf(missing);
    }
}
