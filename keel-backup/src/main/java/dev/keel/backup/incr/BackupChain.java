package dev.keel.backup.incr;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.error.KeelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A backup with the ancestors it depends on: full ← incr ← incr …. Reads each manifest once, so
 * restoring or verifying a long chain does not read the same manifest for every file.
 */
public final class BackupChain {
    private final BackupRepository repository;
    private final Map<String, Optional<Map<String, BackupFile>>> files = new ConcurrentHashMap<>();

    public BackupChain(BackupRepository repository) {
        this.repository = repository;
    }

    /** The ids of the backup's ancestors, parent first; stops at the first one that is missing. */
    public List<String> ancestors(BackupManifest manifest) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(manifest.id()));
        String parent = manifest.parent();
        while (parent != null && seen.add(parent)) {
            ids.add(parent);
            Optional<BackupManifest> next = repository.readManifest(parent);
            if (next.isEmpty()) {
                break;
            }
            parent = next.get().parent();
        }
        return ids;
    }

    /** The first ancestor without a manifest: the chain is broken there and the backup cannot be restored. */
    public Optional<String> missingAncestor(BackupManifest manifest) {
        for (String id : ancestors(manifest)) {
            if (files(id).isEmpty()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * What restoring one file reads, base first: a whole-file entry, then each block delta in the order
     * they apply. A whole-file entry is its own chain.
     */
    public List<BackupFile> layers(BackupManifest manifest, BackupFile file) {
        List<BackupFile> layers = new ArrayList<>();
        layers.add(file);
        BackupFile current = file;
        Set<String> seen = new LinkedHashSet<>();
        while (current.delta() != null) {
            String over = current.delta().over();
            if (!seen.add(over)) {
                throw broken(manifest, file, "its deltas point at each other");
            }
            Map<String, BackupFile> base = files(over)
                    .orElseThrow(
                            () -> new KeelException(
                                    BackupError.PARENT_MISSING,
                                    "backup " + manifest.id() + " needs backup " + over + ", which is not in "
                                            + repository.store().describe() + " (" + RepositoryLayout.manifest(over)
                                            + " is missing)",
                                    "restore an older complete backup, or take a new full backup; run keel backup verify to see the damage"));
            current = base.get(file.path());
            if (current == null) {
                throw broken(manifest, file, "backup " + over + " has no " + file.path() + " to apply the delta over");
            }
            layers.add(0, current);
        }
        return layers;
    }

    private KeelException broken(BackupManifest manifest, BackupFile file, String why) {
        return new KeelException(
                BackupError.OBJECT_DAMAGED,
                "file " + file.path() + " of backup " + manifest.id() + " cannot be rebuilt: " + why,
                "the repository is damaged: restore another backup, and run keel backup verify");
    }

    private Optional<Map<String, BackupFile>> files(String id) {
        return files.computeIfAbsent(
                id,
                k -> repository.readManifest(k).map(m -> {
                    Map<String, BackupFile> byPath = new HashMap<>();
                    m.files().forEach(f -> byPath.put(f.path(), f));
                    return byPath;
                }));
    }
}
