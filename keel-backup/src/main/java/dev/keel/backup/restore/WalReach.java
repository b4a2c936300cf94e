package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.catalog.WalSegment;
import dev.keel.backup.verify.BackupStart;
import dev.keel.backup.verify.WalChain;
import dev.keel.backup.verify.WalContinuity;
import dev.keel.backup.wal.TimelineHistory;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far recovery from one backup can replay, worked out from the repository before PostgreSQL
 * starts: PostgreSQL ends recovery to the latest point quietly at the first WAL segment
 * restore_command cannot fetch, and promotes, so a missing segment would otherwise look like success.
 *
 * @param chain the WAL from the backup's start to the newest segment of the timeline recovery follows
 * @param stopLsn where the backup ended: recovery to it needs no WAL beyond the backup's own
 * @param stopSegment the backup's own last segment: recovery cannot even reach a consistent state without WAL up to it
 * @param newestPartial the chain's last segment is only a partial one (the newest WAL keel wal stream received)
 */
record WalReach(
        String repository,
        String backupId,
        String stopLsn,
        WalPosition wal,
        WalChain chain,
        String stopSegment,
        boolean newestPartial) {

    static WalReach of(BackupRepository repository, BackupManifest manifest) {
        String where = repository.store().describe();
        BackupStart start = BackupStart.of(repository, manifest)
                .orElseThrow(() -> new KeelException(
                        BackupError.BACKUP_UNREADABLE,
                        "backup " + manifest.id() + " in " + where
                                + " has no readable backup_label, so keel cannot tell which WAL it needs",
                        "run keel backup verify " + manifest.id() + ", or restore another backup with --backup"));
        WalPosition wal = start.wal();
        Set<String> complete = new HashSet<>();
        Set<String> partial = new HashSet<>();
        for (WalSegment segment : repository.catalog().wal()) {
            (segment.partial() ? partial : complete).add(segment.name());
        }
        String stopSegment = wal.name(manifest.timeline(), wal.numberOfLsn(manifest.stopLsn()));
        WalChain chain =
                new WalContinuity(complete, partial, histories(repository)).from(start.segment(), stopSegment, wal);
        boolean newestPartial = !complete.contains(chain.last()) && partial.contains(chain.last());
        return new WalReach(where, manifest.id(), manifest.stopLsn(), wal, chain, stopSegment, newestPartial);
    }

    /** A segment the backup itself needs to become consistent: without it no target at all can be reached. */
    Optional<String> missingOwnWal() {
        long stop = wal.number(stopSegment);
        return chain.missing().stream().filter(name -> wal.number(name) <= stop).findFirst();
    }

    /** The first segment after the backup's own WAL that the repository lacks: recovery cannot pass it. */
    Optional<String> firstGap() {
        long stop = wal.number(stopSegment);
        return chain.missing().stream().filter(name -> wal.number(name) > stop).findFirst();
    }

    /** Every missing segment from the first gap on. */
    List<String> gaps() {
        long stop = wal.number(stopSegment);
        return chain.missing().stream().filter(name -> wal.number(name) > stop).toList();
    }

    /** Whether recovery to {@code lsn} has to read the segment {@code gap}. */
    boolean needs(String lsn, String gap) {
        return wal.numberOfLsn(lsn) >= wal.number(gap);
    }

    /**
     * Whether replay ending at {@code replayLsn} reached the newest WAL of the chain. A partial segment
     * may hold no whole record yet (only the rest of one that began before it); then replay ends in
     * the segment before it.
     */
    boolean reachedEnd(String replayLsn) {
        long reached = wal.numberOfLsn(replayLsn);
        long newest = wal.number(chain.last());
        return reached >= (newestPartial ? newest - 1 : newest);
    }

    /** The first byte after the newest WAL in the repository, in PostgreSQL's text form. */
    String endLsn() {
        return WalPosition.text((wal.number(chain.last()) + 1) * wal.segmentSize());
    }

    /** When the chain's newest WAL reached the repository, where the store knows: no commit it holds is later. */
    Optional<Instant> newestStoredAt(BackupRepository repository) {
        int timeline = WalPosition.timeline(chain.last());
        String object = RepositoryLayout.walSegment(timeline, chain.last(), newestPartial);
        try {
            return repository.store().storedAt(object);
        } catch (KeelException e) {
            return Optional.empty();
        }
    }

    KeelException ownWalMissing(String segment) {
        return new KeelException(
                BackupError.WAL_MISSING,
                "WAL segment " + segment + ", which backup " + backupId
                        + " needs to become consistent, is missing from " + repository
                        + ": the backup cannot be restored",
                "put the segment back, or restore another backup with --backup; keel backup verify lists every gap");
    }

    KeelException gapBlocks(String gap, String target) {
        List<String> all = gaps();
        String more = all.size() > 1 ? " (and " + (all.size() - 1) + " more after it)" : "";
        return new KeelException(
                BackupError.WAL_GAP,
                "WAL segment " + gap + " is missing from " + repository + more + ": recovery from backup " + backupId
                        + " to " + target + " would stop there, short of "
                        + (target.equals("latest") ? "the newest WAL (segment " + chain.last() + ")" : "the target"),
                "put the segment back; or recover to the backup's end with --to " + stopLsn
                        + ", or up to the gap with --accept-gap"
                        + " (the commits after it are lost); keel backup verify lists every gap");
    }

    private static Map<Integer, TimelineHistory> histories(BackupRepository repository) {
        Map<Integer, TimelineHistory> histories = new HashMap<>();
        for (String name : repository.catalog().timelineHistories()) {
            int timeline = Integer.parseUnsignedInt(name.substring(0, 8), 16);
            try (InputStream in = repository.read(RepositoryLayout.walFile(name))) {
                histories.put(
                        timeline,
                        TimelineHistory.parse(timeline, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new KeelException(
                        BackupError.REPOSITORY_IO_FAILED,
                        "cannot read " + name + " from " + repository.store().describe() + ": " + e.getMessage(),
                        "check that the repository is reachable",
                        e);
            }
        }
        return histories;
    }
}
