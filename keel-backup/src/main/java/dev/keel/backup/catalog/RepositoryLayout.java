package dev.keel.backup.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where everything lives in a repository, in one place:
 * <pre>
 *   keel-repo.json                          format, compression, encryption and key check (plain JSON)
 *   backups/&lt;id&gt;/files/&lt;path&gt;              one object per file of a base backup
 *   backups/&lt;id&gt;/bundles/&lt;n&gt;              many small files of a base backup, each at an offset its manifest records
 *   backups/&lt;id&gt;/deltas/&lt;path&gt;             an incremental backup's changed blocks of one relation file
 *   backups/&lt;id&gt;/manifest.json              written last: a backup without it is incomplete
 *   backups/&lt;id&gt;/lease.json                 written first, atomically: reserves the id; renewed while the backup runs (plain JSON)
 *   wal/&lt;timeline, 8 hex&gt;/&lt;segment&gt;[.partial]  WAL segments by timeline
 *   drills/&lt;id&gt;.json                        results of restore drills
 * </pre>
 */
public final class RepositoryLayout {
    public static final String CONFIG = "keel-repo.json";
    public static final String BACKUPS = "backups/";
    public static final String WAL = "wal/";
    public static final String DRILLS = "drills/";
    public static final String MANIFEST = "manifest.json";
    public static final String LEASE = "lease.json";
    public static final String PARTIAL_SUFFIX = ".partial";

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,99}");
    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");
    /** What archive_command is handed: segments, partial segments, timeline histories and backup history files. */
    private static final Pattern WAL_FILE =
            Pattern.compile("[0-9A-F]{24}(\\.partial|\\.[0-9A-F]{8}\\.backup)?|[0-9A-F]{8}\\.history");

    private RepositoryLayout() {}

    public static String manifest(String backupId) {
        return BACKUPS + id(backupId) + "/" + MANIFEST;
    }

    /** A running backup's lease: its first object, created only if absent, so it also reserves the id. */
    public static String lease(String backupId) {
        return BACKUPS + id(backupId) + "/" + LEASE;
    }

    /** The object holding one file of a base backup; {@code path} is relative to the data directory. */
    public static String backupFile(String backupId, String path) {
        return BACKUPS + id(backupId) + "/files/" + path;
    }

    /** The {@code n}th bundle of small files of a base backup. */
    public static String bundle(String backupId, int n) {
        return BACKUPS + id(backupId) + "/bundles/" + String.format(Locale.ROOT, "%06d", n);
    }

    /** The changed blocks of one relation segment file in an incremental backup (see BlockDelta). */
    public static String blockDelta(String backupId, String path) {
        return BACKUPS + id(backupId) + "/deltas/" + path;
    }

    /** Every object of one backup lives under this prefix; objects an incremental borrows from its parent live under the parent's. */
    public static String backupPrefix(String backupId) {
        return BACKUPS + id(backupId) + "/";
    }

    public static String walSegment(int timeline, String segment, boolean partial) {
        if (!SEGMENT.matcher(segment).matches()) {
            throw new IllegalArgumentException(
                    "'" + segment + "' is not a WAL segment name (24 upper-case hex digits)");
        }
        return walTimeline(timeline) + segment + (partial ? PARTIAL_SUFFIX : "");
    }

    /**
     * Where any file PostgreSQL archives lives, filed under the timeline its name starts with; the
     * name is kept as PostgreSQL gave it, so restore_command finds it by the same name.
     */
    public static String walFile(String name) {
        if (!isWalFileName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a WAL file name");
        }
        return WAL + name.substring(0, 8) + "/" + name;
    }

    public static boolean isWalFileName(String name) {
        return name != null && WAL_FILE.matcher(name).matches() && !name.startsWith("00000000");
    }

    public static String walTimeline(int timeline) {
        return WAL + timelineHex(timeline) + "/";
    }

    public static String timelineHex(int timeline) {
        if (timeline < 1) {
            throw new IllegalArgumentException("timelines start at 1, not " + timeline);
        }
        return String.format(Locale.ROOT, "%08X", timeline);
    }

    public static String drill(String drillId) {
        return DRILLS + id(drillId) + ".json";
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static boolean isSegmentName(String name) {
        return SEGMENT.matcher(name).matches();
    }

    private static String id(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a valid id (letters, digits, '.', '_' and '-')");
        }
        return id;
    }
}
