package dev.keel.backup.drill;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.repo.ObjectInfo;
import dev.keel.error.KeelException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Drill ids are their UTC start time, as backup ids are, with a suffix (-2, -3 …, ordered as numbers
 * by BackupIdOrder) for a second drill in the same second. An id is taken by creating
 * drills/&lt;id&gt;.reserved only if absent, which the store does atomically: of two drills started in
 * the same second, on one machine or two, each gets an id of its own, and neither overwrites the
 * other's record. The reservation stays: removing it would free an id whose record may still be
 * written, and the catalog reads only drills/&lt;id&gt;.json.
 */
public final class DrillIds {
    static final String RESERVED = ".reserved";
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MOST_IN_ONE_SECOND = 1000;

    private DrillIds() {}

    /** Reserves the first free id for {@code now}; returns it. */
    public static String reserve(BackupRepository repository, Instant now) {
        Set<String> taken = taken(repository);
        String base = FORMAT.format(now);
        // Unique per run: the store counts a create whose content is already there as this caller's retried create.
        String writer = UUID.randomUUID().toString();
        for (int n = 1; n <= MOST_IN_ONE_SECOND; n++) {
            String id = n == 1 ? base : base + "-" + n;
            if (taken.contains(id)) {
                continue;
            }
            String name = reservation(id);
            if (repository.store().createIfAbsent(name, content(id, writer, now, "reserved"))) {
                refuseUnconditionalStore(repository, name, content(id, writer, now, "probe"));
                return id;
            }
        }
        throw new KeelException(
                BackupError.DRILL_ID_TAKEN,
                "more than " + MOST_IN_ONE_SECOND + " drills claim ids of " + base + " in "
                        + repository.store().describe(),
                "run the drill again in a moment");
    }

    static String reservation(String id) {
        return RepositoryLayout.DRILLS + id + RESERVED;
    }

    /** Ids with a record or a reservation: a drill that reserved its id has not necessarily written its record yet. */
    private static Set<String> taken(BackupRepository repository) {
        Set<String> taken = new HashSet<>();
        for (ObjectInfo object : repository.store().list(RepositoryLayout.DRILLS)) {
            String file = object.name().substring(RepositoryLayout.DRILLS.length());
            for (String suffix : new String[] {".json", RESERVED}) {
                if (file.endsWith(suffix) && !file.contains("/")) {
                    taken.add(file.substring(0, file.length() - suffix.length()));
                }
            }
        }
        return taken;
    }

    private static byte[] content(String id, String writer, Instant now, String state) {
        return ("{\"drill\":\"" + id + "\",\"writer\":\"" + writer + "\",\"startedAt\":\"" + now + "\",\"state\":\""
                        + state + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Creating the name again, with other content, must fail now. A store that accepts it ignores the
     * condition (an S3 server without If-None-Match), and two drills could then share one id.
     */
    private static void refuseUnconditionalStore(BackupRepository repository, String name, byte[] probe) {
        if (repository.store().createIfAbsent(name, probe)) {
            repository.store().delete(name);
            throw new KeelException(
                    BackupError.S3_UNSUPPORTED,
                    repository.store().describe()
                            + " ignores conditional writes (If-None-Match), so keel cannot reserve a drill id"
                            + " without a race",
                    "use an S3 service or server version that supports conditional writes (AWS S3, MinIO, s3proxy 2.4 or later)");
        }
    }
}
