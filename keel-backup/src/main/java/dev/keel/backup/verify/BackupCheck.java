package dev.keel.backup.verify;

import java.util.List;

/**
 * The verdict on one backup.
 *
 * @param complete false for a backup without a manifest; nothing restores from it, so it is reported, not checked
 * @param walFrom the backup's first WAL segment; walTo the newest segment recovery can reach from it without a gap
 */
public record BackupCheck(
        String id,
        boolean complete,
        int files,
        long bytes,
        String walFrom,
        String walTo,
        int walSegments,
        List<VerifyProblem> problems) {
    public BackupCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return complete && problems.isEmpty();
    }
}
