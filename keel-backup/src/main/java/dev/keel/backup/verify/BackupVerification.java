package dev.keel.backup.verify;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BundleReader;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.catalog.WalSegment;
import dev.keel.backup.incr.BackupChain;
import dev.keel.backup.transfer.MeteredInputStream;
import dev.keel.backup.transfer.ParallelTransfer;
import dev.keel.backup.transfer.Throttle;
import dev.keel.backup.transfer.TransferProgress;
import dev.keel.backup.wal.TimelineHistory;
import dev.keel.backup.wal.WalHeaderCheck;
import dev.keel.backup.wal.WalPageHeader;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads every object a backup consists of, the way restore would, and checks that recovery can
 * replay WAL from it without a gap. Unlike restore it does not stop at the first problem: the point
 * is to name everything that is missing or damaged.
 */
public final class BackupVerification {

    private final BackupRepository repository;
    private final int parallel;
    private final TransferProgress progress;

    public BackupVerification(BackupRepository repository, int parallel, TransferProgress progress) {
        this.repository = repository;
        this.parallel = parallel;
        this.progress = progress;
    }

    /** @param backupId one backup, or null for every backup in the repository */
    public VerifyResult run(String backupId) {
        long began = System.nanoTime();
        Catalog catalog = repository.catalog();
        List<CatalogBackup> chosen = catalog.backups().stream()
                .filter(b -> backupId == null || b.id().equals(backupId))
                .toList();
        if (backupId != null && chosen.isEmpty()) {
            throw new KeelException(
                    BackupError.BACKUP_NOT_FOUND,
                    "there is no backup " + backupId + " in "
                            + repository.store().describe(),
                    "list the backups with keel backup list");
        }
        List<WalSegment> wal = catalog.wal();
        Reads reads = new Reads();
        List<VerifyProblem> walDamage = new ArrayList<>();
        Map<Integer, TimelineHistory> histories = histories(walDamage);
        walDamage.addAll(readWal(wal, reads, new WalHeaderCheck(histories, systemIdentifiers(catalog))));
        WalContinuity continuity = continuity(wal, walDamage, histories);
        List<BackupCheck> checks = new ArrayList<>();
        List<VerifyProblem> problems = new ArrayList<>(walDamage);
        for (CatalogBackup backup : chosen) {
            BackupCheck check = backup.complete()
                    ? check(backup.id(), continuity, reads)
                    : incomplete(backup.id(), backupId != null);
            checks.add(check);
            problems.addAll(check.problems());
        }
        return new VerifyResult(
                repository.store().describe(),
                checks,
                problems,
                reads.objects,
                reads.bytes,
                (System.nanoTime() - began) / 1_000_000);
    }

    private static BackupCheck incomplete(String id, boolean asked) {
        // A killed backup is expected and harmless while another backup is complete; asked for by name, it is a
        // problem.
        List<VerifyProblem> problems = asked
                ? List.of(new VerifyProblem(
                        id,
                        VerifyProblem.MISSING,
                        RepositoryLayout.manifest(id),
                        "the backup is incomplete (killed or failed) and cannot be restored"))
                : List.of();
        return new BackupCheck(id, false, 0, 0, null, null, 0, problems);
    }

    private BackupCheck check(String id, WalContinuity continuity, Reads reads) {
        BackupManifest manifest;
        try {
            manifest = repository.readManifest(id).orElseThrow();
        } catch (KeelException e) {
            return new BackupCheck(
                    id,
                    true,
                    0,
                    0,
                    null,
                    null,
                    0,
                    List.of(new VerifyProblem(id, VerifyProblem.DAMAGED, RepositoryLayout.manifest(id), e.what())));
        }
        List<VerifyProblem> problems = new ArrayList<>();
        List<BackupFile> objects = objects(manifest, problems);
        progress.started(
                "verifying " + objects.size() + " objects of backup " + id,
                objects.stream().mapToLong(BackupFile::objectSize).sum(),
                objects.size());
        List<Optional<VerifyProblem>> found = new ArrayList<>();
        ParallelTransfer.run(tasks(id, objects, reads), parallel, task -> task.get())
                .forEach(found::addAll);
        progress.finished();
        found.forEach(p -> p.ifPresent(problems::add));
        Optional<BackupStart> start = BackupStart.of(repository, manifest);
        if (start.isEmpty()) {
            String label = RepositoryLayout.backupFile(id, BackupStart.LABEL);
            // A missing or damaged label is already named above; say more only when it reads fine but names no start.
            if (problems.stream().noneMatch(p -> p.object().endsWith("/" + BackupStart.LABEL))) {
                problems.add(new VerifyProblem(id, VerifyProblem.DAMAGED, label, "it names no start WAL segment"));
            }
            return new BackupCheck(id, true, manifest.files().size(), manifest.totalSize(), null, null, 0, problems);
        }
        WalPosition position = start.get().wal();
        String stopSegment = position.name(manifest.timeline(), position.numberOfLsn(manifest.stopLsn()));
        WalChain chain = continuity.from(start.get().segment(), stopSegment, position);
        for (String gap : chain.missing()) {
            problems.add(new VerifyProblem(
                    id,
                    VerifyProblem.WAL_GAP,
                    RepositoryLayout.walFile(gap),
                    "recovery from this backup cannot pass segment " + gap + " (WAL from " + chain.first() + " to "
                            + chain.last() + ")"));
        }
        return new BackupCheck(
                id,
                true,
                manifest.files().size(),
                manifest.totalSize(),
                chain.first(),
                chain.last(),
                chain.segments(),
                problems);
    }

    /**
     * Every object restoring the backup reads, each once: for an incremental backup also what its
     * block deltas apply over in its ancestors. A missing ancestor is a problem of its own.
     */
    private List<BackupFile> objects(BackupManifest manifest, List<VerifyProblem> problems) {
        BackupChain chain = new BackupChain(repository);
        Optional<String> missing = chain.missingAncestor(manifest);
        missing.ifPresent(parent -> problems.add(new VerifyProblem(
                manifest.id(),
                VerifyProblem.MISSING,
                RepositoryLayout.manifest(parent),
                "backup " + parent
                        + ", which this incremental backup builds on, is gone: the backup cannot be restored")));
        Map<String, BackupFile> objects = new LinkedHashMap<>();
        for (BackupFile file : manifest.files()) {
            if (file.delta() == null || missing.isPresent()) {
                objects.putIfAbsent(file.location(), file);
                continue;
            }
            try {
                chain.layers(manifest, file).forEach(layer -> objects.putIfAbsent(layer.location(), layer));
            } catch (KeelException e) {
                objects.putIfAbsent(file.location(), file);
                problems.add(new VerifyProblem(manifest.id(), VerifyProblem.DAMAGED, file.object(), e.what()));
            }
        }
        return new ArrayList<>(objects.values());
    }

    /** One task per object alone and one per bundle, so a bundle is read in one pass like restore reads it. */
    private List<Supplier<List<Optional<VerifyProblem>>>> tasks(String id, List<BackupFile> objects, Reads reads) {
        List<Supplier<List<Optional<VerifyProblem>>>> tasks = new ArrayList<>();
        Map<String, List<BackupFile>> bundles = new LinkedHashMap<>();
        for (BackupFile file : objects) {
            if (file.bundled()) {
                bundles.computeIfAbsent(file.object(), o -> new ArrayList<>()).add(file);
            } else {
                tasks.add(() -> List.of(checkFile(id, file, reads)));
            }
        }
        bundles.forEach((object, files) -> tasks.add(() -> checkBundle(id, object, files, reads)));
        return tasks;
    }

    private List<Optional<VerifyProblem>> checkBundle(String id, String object, List<BackupFile> files, Reads reads) {
        if (!repository.store().exists(object)) {
            return List.of(Optional.of(new VerifyProblem(
                    id, VerifyProblem.MISSING, object, "bundle of " + files.size() + " files of the backup")));
        }
        List<Optional<VerifyProblem>> found = new ArrayList<>();
        try (BundleReader reader = new BundleReader(repository, object, files)) {
            while (reader.hasNext()) {
                BackupFile entry = reader.next();
                InputStream content;
                try {
                    content = reader.content();
                } catch (KeelException e) {
                    // One damaged file: the others of the bundle are still checked.
                    found.add(Optional.of(new VerifyProblem(id, VerifyProblem.DAMAGED, object, e.what())));
                    continue;
                }
                found.add(checkContent(id, entry, content, reads));
            }
        } catch (KeelException e) {
            found.add(Optional.of(new VerifyProblem(id, VerifyProblem.DAMAGED, object, e.what())));
        } catch (IOException e) {
            found.add(
                    Optional.of(new VerifyProblem(id, VerifyProblem.DAMAGED, object, String.valueOf(e.getMessage()))));
        }
        return found;
    }

    private Optional<VerifyProblem> checkFile(String id, BackupFile file, Reads reads) {
        if (!repository.store().exists(file.object())) {
            return Optional.of(new VerifyProblem(
                    id, VerifyProblem.MISSING, file.object(), "file " + file.path() + " of the backup"));
        }
        InputStream content;
        try {
            content = repository.read(file);
        } catch (KeelException e) {
            return Optional.of(new VerifyProblem(id, VerifyProblem.DAMAGED, file.object(), e.what()));
        }
        return checkContent(id, file, content, reads);
    }

    private Optional<VerifyProblem> checkContent(String id, BackupFile file, InputStream content, Reads reads) {
        MessageDigest sha = sha256();
        long size;
        try (InputStream in = new MeteredInputStream(content, Throttle.NONE, progress);
                OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            size = in.transferTo(sink);
        } catch (KeelException e) {
            return Optional.of(new VerifyProblem(id, VerifyProblem.DAMAGED, file.object(), e.what()));
        } catch (IOException e) {
            return Optional.of(
                    new VerifyProblem(id, VerifyProblem.DAMAGED, file.object(), String.valueOf(e.getMessage())));
        }
        reads.add(file.storedSize());
        String actual = HexFormat.of().formatHex(sha.digest());
        if (size != file.objectSize() || !actual.equals(file.objectSha256())) {
            return Optional.of(new VerifyProblem(
                    id,
                    VerifyProblem.MISMATCH,
                    file.object(),
                    size + " bytes with SHA-256 " + actual.substring(0, 12) + "…, the manifest says "
                            + file.objectSize() + " bytes with "
                            + file.objectSha256().substring(0, 12) + "…"));
        }
        return Optional.empty();
    }

    /**
     * Decodes every WAL object, which checks every chunk, and checks that each is the segment its name
     * says; a damaged segment is a gap for every backup that needs it.
     */
    private List<VerifyProblem> readWal(List<WalSegment> wal, Reads reads, WalHeaderCheck headers) {
        if (wal.isEmpty()) {
            return List.of();
        }
        progress.started("verifying " + wal.size() + " WAL segments", 0, wal.size());
        List<Optional<VerifyProblem>> found = ParallelTransfer.run(wal, parallel, segment -> {
            try (InputStream in = repository.read(segment.object())) {
                byte[] head = in.readNBytes(WalPageHeader.LENGTH);
                long size = head.length + in.transferTo(OutputStream.nullOutputStream());
                reads.add(segment.storedSize());
                return headers.problem(segment.name(), segment.partial(), head, size)
                        .map(what -> new VerifyProblem(null, VerifyProblem.DAMAGED, segment.object(), what));
            } catch (KeelException e) {
                return Optional.of(new VerifyProblem(null, VerifyProblem.DAMAGED, segment.object(), e.what()));
            } catch (IOException e) {
                return Optional.of(new VerifyProblem(
                        null, VerifyProblem.DAMAGED, segment.object(), String.valueOf(e.getMessage())));
            }
        });
        progress.finished();
        List<VerifyProblem> problems = new ArrayList<>();
        found.forEach(p -> p.ifPresent(problems::add));
        return problems;
    }

    /** @param damaged the WAL found damaged: not part of any chain */
    private static WalContinuity continuity(
            List<WalSegment> wal, List<VerifyProblem> damaged, Map<Integer, TimelineHistory> histories) {
        Set<String> bad = new HashSet<>();
        damaged.forEach(p -> bad.add(p.object()));
        Set<String> complete = new HashSet<>();
        Set<String> partial = new HashSet<>();
        for (WalSegment segment : wal) {
            if (!bad.contains(segment.object())) {
                (segment.partial() ? partial : complete).add(segment.name());
            }
        }
        return new WalContinuity(complete, partial, histories);
    }

    /** Every database system a complete backup is of: WAL of any other does not belong in the repository. */
    private Set<String> systemIdentifiers(Catalog catalog) {
        Set<String> ids = new HashSet<>();
        for (String id : catalog.completeBackups()) {
            try {
                repository
                        .readManifest(id)
                        .map(BackupManifest::systemIdentifier)
                        .ifPresent(ids::add);
            } catch (KeelException e) {
                // A damaged manifest is named when its backup is checked; it vouches for no system meanwhile.
            }
        }
        return ids;
    }

    /** @param damaged a damaged history file is added to it */
    private Map<Integer, TimelineHistory> histories(List<VerifyProblem> damaged) {
        Map<Integer, TimelineHistory> histories = new HashMap<>();
        for (String timelineHex : repository.store().children(RepositoryLayout.WAL)) {
            String name = timelineHex + ".history";
            if (timelineHex.matches("[0-9A-F]{8}")
                    && RepositoryLayout.isWalFileName(name)
                    && repository.store().exists(RepositoryLayout.walFile(name))) {
                int timeline = Integer.parseUnsignedInt(timelineHex, 16);
                try {
                    histories.put(timeline, TimelineHistory.parse(timeline, text(RepositoryLayout.walFile(name))));
                } catch (KeelException e) {
                    // Without it the chain cannot follow that timeline; the missing segments will show as gaps too.
                    damaged.add(
                            new VerifyProblem(null, VerifyProblem.DAMAGED, RepositoryLayout.walFile(name), e.what()));
                }
            }
        }
        return histories;
    }

    private String text(String object) {
        try (InputStream in = repository.read(object)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read object '" + object + "': " + e.getMessage(),
                    "check that the repository is reachable",
                    e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Counts across the reading threads. */
    private static final class Reads {
        long objects;
        long bytes;

        synchronized void add(long storedBytes) {
            objects++;
            bytes += storedBytes;
        }
    }
}
