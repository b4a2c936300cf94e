package dev.keel.backup;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import java.util.List;

/** keel-backup's codes for docs/errors.md. */
public final class BackupErrorCatalog implements ErrorCatalog {

    @Override
    public String area() {
        return "BACKUP";
    }

    @Override
    public String title() {
        return "backup repositories, keys, backups, WAL archiving and streaming, restores, verification and drills";
    }

    @Override
    public List<ErrorCode> codes() {
        return List.of(BackupError.values());
    }
}
