package dev.keel.backup.repo;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An object being written. Nothing of it is visible under its name until {@link #commit()} returns;
 * closing it without a commit, or dying half way, leaves no object behind. This is what lets a
 * killed backup never look complete: its manifest is written last, and only a committed manifest counts.
 */
public abstract class PendingObject extends OutputStream {
    /** Makes the object visible under its name, whole, replacing any object of that name. */
    public abstract void commit() throws IOException;

    /** Discards the object unless it was committed. */
    @Override
    public abstract void close() throws IOException;
}
