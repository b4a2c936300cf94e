package dev.keel.backup.verify;

import java.util.List;

/** What `keel backup verify` reports, as text or JSON. */
public record VerifyResult(
        String repository,
        List<BackupCheck> backups,
        List<VerifyProblem> problems,
        long objectsRead,
        long bytesRead,
        long millis) {
    public VerifyResult {
        backups = List.copyOf(backups);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
