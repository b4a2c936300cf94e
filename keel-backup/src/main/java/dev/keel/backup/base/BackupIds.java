package dev.keel.backup.base;

import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.CatalogBackup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.stream.Collectors;

/** Backup ids are their UTC start time, so they sort by age; a taken id (a killed backup's) gets a suffix. */
public final class BackupIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupIds() {
    }

    public static String next(Catalog catalog, Instant now) {
        Set<String> taken = catalog.backups().stream().map(CatalogBackup::id).collect(Collectors.toSet());
        String base = FORMAT.format(now);
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
