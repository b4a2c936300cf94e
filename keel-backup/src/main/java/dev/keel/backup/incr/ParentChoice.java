package dev.keel.backup.incr;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.Catalog;
import java.util.List;
import java.util.Optional;

/**
 * The backup an incremental one builds on: the newest complete backup of the same cluster (system
 * identifier) and major version, on the current timeline or a lower one. A backup from a higher
 * timeline cannot be this cluster's past, and files of another major version are never alike.
 */
public final class ParentChoice {
    private ParentChoice() {}

    public static Optional<BackupManifest> newest(
            Catalog catalog, String systemIdentifier, int majorVersion, int timeline) {
        List<String> ids = catalog.completeBackups();
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<BackupManifest> manifest = catalog.manifest(ids.get(i));
            if (manifest.isPresent() && fits(manifest.get(), systemIdentifier, majorVersion, timeline)) {
                return manifest;
            }
        }
        return Optional.empty();
    }

    static boolean fits(BackupManifest manifest, String systemIdentifier, int majorVersion, int timeline) {
        return systemIdentifier.equals(manifest.systemIdentifier())
                && manifest.postgresMajorVersion() == majorVersion
                && manifest.timeline() <= timeline;
    }
}
