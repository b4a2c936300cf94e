package dev.keel.backup.stream;

import java.nio.file.Path;

/**
 * How much of the segment being received is flushed: what the repository may be given as the
 * segment's partial copy.
 */
record PartialState(int timeline, String segment, Path file, long flushedBytes) {}
