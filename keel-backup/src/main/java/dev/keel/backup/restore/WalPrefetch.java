package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.WalSegment;
import dev.keel.backup.wal.TimelineHistory;
import dev.keel.backup.wal.WalArchive;
import dev.keel.backup.wal.WalHeaderCheck;
import dev.keel.backup.wal.WalPageHeader;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches the WAL a restore can replay into a directory beside the target before PostgreSQL starts,
 * so that restore_command is a plain copy. PostgreSQL runs restore_command once per WAL file; as a
 * call of the keel command each costs a JVM start (about half a second), which made recovering even
 * the backup's own few segments take longer than fetching the whole data directory.
 * <p>
 * What is fetched: every timeline history file, and every segment on the backup's timeline or a
 * later one from the backup's start on (a partial one, padded, where the whole one is missing). The start is computed for the largest segment size
 * PostgreSQL allows (1 GB), so whatever the cluster's size, no needed segment is left out; at most a
 * few earlier ones come along. Each fetched segment must be the segment its name says
 * ({@link WalHeaderCheck}); one that is not stops the restore before PostgreSQL starts.
 */
final class WalPrefetch {
    private static final int LARGEST_SEGMENT_SHIFT = 30;

    private WalPrefetch() {}

    static Path into(BackupRepository repository, BackupManifest manifest, Path dataDir) {
        Path dir = dataDir.resolveSibling("." + dataDir.getFileName() + ".keel-wal");
        try {
            FileTrees.deleteQuietly(dir);
            Files.createDirectories(dir);
            WalArchive archive = new WalArchive(repository);
            String from = earliestName(manifest.startLsn());
            List<WalSegment> all = repository.catalog().wal();
            Set<String> complete = new HashSet<>();
            all.stream().filter(s -> !s.partial()).forEach(s -> complete.add(s.name()));
            // Recovery to the latest timeline, and the choice of a new timeline after it, both depend on seeing every
            // history file.
            Map<Integer, TimelineHistory> histories = new HashMap<>();
            for (String history : repository.catalog().timelineHistories()) {
                archive.get(history, dir.resolve(history));
                int timeline = Integer.parseUnsignedInt(history.substring(0, 8), 16);
                histories.put(timeline, TimelineHistory.parse(timeline, Files.readString(dir.resolve(history))));
            }
            WalHeaderCheck headers = new WalHeaderCheck(
                    histories, manifest.systemIdentifier() == null ? Set.of() : Set.of(manifest.systemIdentifier()));
            for (WalSegment segment : all) {
                // A partial segment stands in for a segment the repository lacks: the newest WAL keel wal stream
                // received.
                boolean stands = segment.partial() && !complete.contains(segment.name());
                if (wanted(segment, manifest.timeline(), from)
                        || (stands && wanted(asComplete(segment), manifest.timeline(), from))) {
                    archive.get(segment.name(), dir.resolve(segment.name()));
                    refuseImpostor(repository, segment, dir.resolve(segment.name()), headers);
                }
            }
            return dir;
        } catch (IOException e) {
            FileTrees.deleteQuietly(dir);
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot fetch the WAL to replay into " + dir + ": " + e.getMessage(),
                    "check that the target directory's parent is writable and has room",
                    e);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw e;
        }
    }

    /**
     * PostgreSQL itself would notice a segment that is not what its name says, but only by ending
     * recovery there: to the latest point, that promotes an older state of the database without an error.
     */
    private static void refuseImpostor(
            BackupRepository repository, WalSegment segment, Path file, WalHeaderCheck headers) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(WalPageHeader.LENGTH);
        }
        Optional<String> problem = headers.problem(segment.name(), true, head, Files.size(file));
        if (problem.isPresent()) {
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "WAL object " + segment.object() + " in "
                            + repository.store().describe() + " is not segment " + segment.name() + ": "
                            + problem.get(),
                    "recovery would silently stop there; run keel backup verify and put the right segment back under that name");
        }
    }

    static boolean wanted(WalSegment segment, int timeline, String earliestLogAndSegment) {
        if (segment.partial()) {
            return false;
        }
        if (segment.name().endsWith(".history")) {
            return true;
        }
        return segment.name().length() == 24
                && segment.timeline() >= timeline
                && segment.name().substring(8).compareTo(earliestLogAndSegment) >= 0;
    }

    private static WalSegment asComplete(WalSegment segment) {
        return new WalSegment(segment.timeline(), segment.name(), false, segment.object(), segment.storedSize());
    }

    /** "16/B374D848" → the log id and segment number (16 hex digits) of the segment holding it, were segments 1 GB. */
    static String earliestName(String lsn) {
        WalPosition largest = new WalPosition(1L << LARGEST_SEGMENT_SHIFT);
        return largest.name(0, largest.numberOfLsn(lsn)).substring(8);
    }

    /** restore_command copying from the prefetch directory; a file not there is not in the repository either. */
    static String copyCommand(Path dir) {
        String path = dir.toAbsolutePath().toString();
        if (path.contains("'")) {
            throw new KeelException(
                    BackupError.TARGET_DIRECTORY_UNUSABLE,
                    "the target directory's path contains a quote: " + path,
                    "restore into a path without quotes");
        }
        return "cp '" + path + "/%f' '%p'";
    }
}
