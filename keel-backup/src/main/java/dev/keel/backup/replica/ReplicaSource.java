package dev.keel.backup.replica;

/** Where a new standby's data directory comes from. */
public enum ReplicaSource {
    /** A base backup in keel's repository, restored; the repository stays its restore_command fallback. */
    FROM_BACKUP("backup"),
    /** A BASE_BACKUP streamed from the primary straight into the directory. */
    STREAM("stream");

    private final String word;

    ReplicaSource(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
