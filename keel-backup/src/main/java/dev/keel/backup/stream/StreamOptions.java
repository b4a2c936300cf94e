package dev.keel.backup.stream;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code keel wal stream} runs.
 *
 * @param applicationName the name the server knows the receiver by, and synchronous_standby_names lists
 * @param synchronous refuse to stream unless the server waits for this receiver before it acknowledges a commit
 * @param loop reconnect after a lost connection instead of ending
 * @param partialInterval how often the flushed part of the current segment is copied to the repository
 */
public record StreamOptions(
        String slot,
        String applicationName,
        Path spool,
        boolean synchronous,
        boolean loop,
        Duration partialInterval,
        Duration retryDelay) {}
