package dev.keel.backup.base;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files of a backup travel together in bundle objects and which travel alone. A cluster with thousands
 * of tables has tens of thousands of files of a few kilobytes; stored one object each, the per-object cost
 * (a request, or a create, fsync and rename) dwarfs their content. pg_control always travels alone: restore
 * writes it last.
 *
 * @param bundles groups of small files, each group written as one bundle object, in data directory order
 * @param alone files stored as one object each
 */
public record BundlePlan(
        List<List<DataDirectoryContent.SourceFile>> bundles, List<DataDirectoryContent.SourceFile> alone) {
    /** Files below this size are bundled; larger ones gain nothing from it, as their content dominates. */
    public static final long SMALL_FILE = 256 * 1024;
    /** A bundle grows to at most this many bytes of original content, so a failed upload repeats little. */
    public static final long LARGEST_BUNDLE = 16L * 1024 * 1024;
    /** Bundles are made no smaller than this, even when that leaves some of the parallel workers idle. */
    static final long SMALLEST_BUNDLE = 1024 * 1024;

    static final String CONTROL_FILE = "global/pg_control";

    public BundlePlan {
        bundles = List.copyOf(bundles);
        alone = List.copyOf(alone);
    }

    /** @param parallel workers copying at once: small files are spread over at least that many bundles when they fill them */
    public static BundlePlan of(List<DataDirectoryContent.SourceFile> files, int parallel) {
        List<DataDirectoryContent.SourceFile> small = new ArrayList<>();
        List<DataDirectoryContent.SourceFile> alone = new ArrayList<>();
        for (DataDirectoryContent.SourceFile file : files) {
            if (file.size() < SMALL_FILE && !file.path().equals(CONTROL_FILE)) {
                small.add(file);
            } else {
                alone.add(file);
            }
        }
        long smallBytes =
                small.stream().mapToLong(DataDirectoryContent.SourceFile::size).sum();
        long limit = Math.max(SMALLEST_BUNDLE, Math.min(LARGEST_BUNDLE, smallBytes / Math.max(1, parallel) + 1));
        List<List<DataDirectoryContent.SourceFile>> bundles = new ArrayList<>();
        List<DataDirectoryContent.SourceFile> open = new ArrayList<>();
        long openBytes = 0;
        for (DataDirectoryContent.SourceFile file : small) {
            if (!open.isEmpty() && openBytes + file.size() > limit) {
                bundles.add(open);
                open = new ArrayList<>();
                openBytes = 0;
            }
            open.add(file);
            openBytes += file.size();
        }
        if (!open.isEmpty()) {
            bundles.add(open);
        }
        return new BundlePlan(bundles, alone);
    }
}
