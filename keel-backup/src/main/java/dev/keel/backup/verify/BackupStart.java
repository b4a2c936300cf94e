package dev.keel.backup.verify;

import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where recovery from a backup begins, read from the backup_label that pg_backup_stop returned: the
 * manifest records the start LSN but not its segment, and the segment size is not recorded anywhere else.
 *
 * @param segment the first WAL segment recovery needs
 */
public record BackupStart(String lsn, String segment, WalPosition wal) {
    public static final String LABEL = "backup_label";
    private static final Pattern START =
            Pattern.compile("START WAL LOCATION: ([0-9A-F]+/[0-9A-F]+) \\(file ([0-9A-F]{24})\\)");

    /** Empty when the label is missing, unreadable or names no start. */
    public static Optional<BackupStart> of(BackupRepository repository, BackupManifest manifest) {
        Optional<BackupFile> label =
                manifest.files().stream().filter(f -> f.path().equals(LABEL)).findFirst();
        if (label.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = repository.read(label.get())) {
            Matcher m = START.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find()
                    ? Optional.of(new BackupStart(m.group(1), m.group(2), WalPosition.matching(m.group(1), m.group(2))))
                    : Optional.empty();
        } catch (KeelException | IOException e) {
            return Optional.empty();
        }
    }

    public long number() {
        return wal.number(segment);
    }
}
