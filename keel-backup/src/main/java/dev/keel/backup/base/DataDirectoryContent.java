package dev.keel.backup.base;

import java.nio.file.Path;
import java.util.List;

/** What a backup copies from a data directory: its files and every directory, empty ones included. */
public record DataDirectoryContent(List<SourceFile> files, List<String> directories) {

    /** @param path relative to the data directory, '/'-separated */
    public record SourceFile(String path, Path file, long size) {}

    public long totalSize() {
        return files.stream().mapToLong(SourceFile::size).sum();
    }
}
