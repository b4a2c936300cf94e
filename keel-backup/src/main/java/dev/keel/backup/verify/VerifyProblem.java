package dev.keel.backup.verify;

/**
 * One thing wrong with a repository, named so that a person can find it.
 *
 * @param backupId the backup it hurts; null for WAL that no backup could be blamed for alone
 * @param kind missing, damaged, mismatch or wal-gap
 * @param object the object (or, for a gap, the WAL segment) that is missing or damaged
 */
public record VerifyProblem(String backupId, String kind, String object, String detail) {
    public static final String MISSING = "missing";
    public static final String DAMAGED = "damaged";
    public static final String MISMATCH = "mismatch";
    public static final String WAL_GAP = "wal-gap";

    public String line() {
        return (backupId == null ? "" : "backup " + backupId + ": ") + kind + " " + object
                + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }
}
