package dev.keel.backup.stream;

/** What a WAL receiver tells its user while it runs. */
public interface StreamListener {

    /** Streaming {@code timeline} from {@code lsn} of {@code server}. */
    default void streaming(String server, int timeline, long lsn, String slot, boolean synchronous) {}

    /** The repository now holds this segment or history file. */
    default void stored(String name) {}

    default void warning(String message) {}

    /** The connection or the repository failed; the receiver tries again after {@code seconds}. */
    default void retrying(String problem, long seconds) {}

    StreamListener NONE = new StreamListener() {};
}
