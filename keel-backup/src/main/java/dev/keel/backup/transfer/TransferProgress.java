package dev.keel.backup.transfer;

/** Hears how a long transfer advances; called from several threads at once. */
public interface TransferProgress {
    TransferProgress NONE = new TransferProgress() {
        @Override
        public void started(String what, long totalBytes, int files) {}

        @Override
        public void advanced(long bytes) {}

        @Override
        public void finished() {}
    };

    /** @param what "backing up 812 files", "restoring …": a label for the progress display */
    void started(String what, long totalBytes, int files);

    void advanced(long bytes);

    void finished();
}
