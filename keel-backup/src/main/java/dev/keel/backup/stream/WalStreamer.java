package dev.keel.backup.stream;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.remote.WalSenderConnection;
import dev.keel.backup.wal.TimelineHistory;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A physical WAL receiver on a replication slot: WAL is written to the spool, fsynced, and only
 * then reported as flushed, right away, so that a server that lists the receiver in
 * synchronous_standby_names acknowledges no commit before keel holds its WAL durably (RPO 0).
 * Finished segments, and now and then the flushed part of the current one, go to the repository.
 * <p>
 * When the server has moved to a new timeline (a promotion), the receiver first fetches the rest of
 * its old timeline, up to where the new one branched off, stores that last piece as a partial
 * segment of the old timeline, stores the history files, and continues on the new timeline.
 */
public final class WalStreamer {
    /** Flushed and reported at least this often under a steady stream, so the server's wait stays short. */
    private static final int MAX_BATCH_BYTES = 1 << 20;
    /** How long {@link #stop()} waits for the run to store what it received and end. */
    public static final long STOP_WAIT_SECONDS = 60;

    private final BackupRepository repository;
    private final Supplier<WalSenderConnection> opener;
    private final String server;
    private final StreamOptions options;
    private final StreamListener listener;
    private final WalSpool spool;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean refused;
    private volatile ReplicationSession current;
    /** Where streaming found the server's WAL already recycled; the next connection starts at the server's position instead. */
    private long recycledFrom = -1;

    private long flushedLsn;
    private int timeline;
    private final AtomicInteger segmentsStored = new AtomicInteger();

    public WalStreamer(
            BackupRepository repository,
            Supplier<WalSenderConnection> opener,
            String server,
            StreamOptions options,
            StreamListener listener) {
        if (!ReplicationSession.isValidSlotName(options.slot())) {
            throw new KeelException(
                    BackupError.SLOT_INVALID,
                    "'" + options.slot() + "' is not a valid replication slot name",
                    "use lower-case letters, digits and underscores, at most 63 of them");
        }
        this.repository = repository;
        this.opener = opener;
        this.server = server;
        this.options = options;
        this.spool = new WalSpool(options.spool());
        this.listener = new CountingListener(listener);
    }

    /**
     * What a run ended with.
     *
     * @param allStored whether the repository holds everything received; false when, stopping, the
     *     repository would not take some of it (it stays in the spool for the next run)
     */
    public record Result(int timeline, String flushedLsn, int segmentsStored, boolean allStored) {}

    /** Streams until {@link #stop()} is called, or, without {@code loop}, until the connection fails. */
    public Result run() {
        WalUploader uploader = new WalUploader(repository, listener, options.partialInterval(), this::uploadRefused);
        uploader.start();
        try {
            // What an earlier run received but could not store yet goes first.
            spool.finished().forEach(uploader::finished);
            spool.historic()
                    .forEach(name -> uploader.historic(WalPosition.timeline(name), name, spool.historicFile(name)));
            while (!stopping && !refused) {
                try {
                    ReplicationSession session = new ReplicationSession(opener.get());
                    current = session;
                    try (session) {
                        if (stopping) {
                            break;
                        }
                        streamOnce(session, uploader);
                    }
                } catch (SQLException | IOException | KeelException e) {
                    if (stopping || refused) {
                        break;
                    }
                    // The repository gets everything flushed so far before anything else happens.
                    uploader.partialNow();
                    KeelException failure = e instanceof KeelException k ? k : lost(e);
                    if (!options.loop() || failure.exitCode() == ExitCode.USAGE) {
                        throw failure;
                    }
                    listener.retrying(failure.getMessage(), options.retryDelay().toSeconds());
                    pause();
                } finally {
                    current = null;
                }
            }
        } finally {
            uploader.close();
            done.countDown();
        }
        Optional<KeelException> refusal = uploader.refusal();
        if (refusal.isPresent()) {
            KeelException why = refusal.get();
            throw new KeelException(
                    why.code(),
                    why.what() + "; keel wal stream stopped, the WAL it received stays in " + options.spool(),
                    why.todo() + ", then start keel wal stream again: it stores what the spool holds first",
                    why);
        }
        return new Result(timeline, WalPosition.text(flushedLsn), segmentsStored.get(), !uploader.gaveUp());
    }

    /** The uploader met a refusal retrying cannot cure: end the run, which then reports it. */
    private void uploadRefused() {
        refused = true;
        ReplicationSession session = current;
        if (session != null) {
            session.abort();
        }
    }

    /**
     * Ends {@link #run()} from another thread (a signal handler), after the repository holds what was flushed.
     *
     * @return whether the run ended within {@link #STOP_WAIT_SECONDS}
     */
    public boolean stop() {
        stopping = true;
        ReplicationSession session = current;
        if (session != null) {
            session.abort();
        }
        try {
            return done.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void streamOnce(ReplicationSession session, WalUploader uploader) throws SQLException, IOException {
        ServerIdentity identity = session.identify();
        refuseOtherCluster(identity);
        WalPosition wal = new WalPosition(session.walSegmentSize());
        if (options.synchronous()) {
            requireSynchronous(session);
        }
        SlotState slot = session.slot(options.slot());
        ResumePoint resume = ResumePoint.choose(
                spool.partialSegment(), repository.catalog().wal(), slot.restartLsn(), identity, wal);
        int tli = resume.timeline();
        long segment = resume.segment();
        if (recycledFrom >= 0) {
            // The server recycled WAL the repository never got: say so loudly and stream what there is. What the spool
            // holds
            // of the segment it was receiving is still good WAL: it goes to the repository as that segment's partial
            // copy.
            spool.partialSegment()
                    .ifPresent(name -> uploader.historic(WalPosition.timeline(name), name, spool.retire(name)));
            tli = identity.timeline();
            segment = Long.divideUnsigned(identity.flushLsn(), wal.segmentSize());
            listener.warning("the repository's WAL has a gap: " + server + " no longer has WAL from "
                    + WalPosition.text(recycledFrom) + " on; streaming from "
                    + WalPosition.text(segment * wal.segmentSize())
                    + ". Point-in-time recovery cannot cross the gap: take a full backup now (keel backup)");
            recycledFrom = -1;
        }
        if (tli > identity.timeline()) {
            throw new KeelException(
                    BackupError.CLUSTER_MISMATCH,
                    "the repository's WAL reaches timeline " + tli + " but " + server + " is on timeline "
                            + identity.timeline(),
                    "check that --url names the current primary of the cluster this repository backs up");
        }
        if (tli < identity.timeline()) {
            TimelineHistory history = storeHistories(session, identity.timeline(), uploader);
            if (!history.descendsFrom(tli)) {
                throw new KeelException(
                        BackupError.CLUSTER_MISMATCH,
                        "timeline " + identity.timeline() + " of " + server + " does not descend from timeline " + tli
                                + " that the repository's WAL is on",
                        "check that --url names the current primary of the cluster this repository backs up");
            }
            // Each older timeline up to where it ended, on this connection (the server ends each copy there), then the
            // next.
            while (tli < identity.timeline()) {
                long switchLsn = WalPosition.lsn(history.switchOf(tli).orElseThrow());
                if (segment * wal.segmentSize() < switchLsn) {
                    stream(session, uploader, wal, tli, segment, switchLsn);
                } else {
                    finishHistoric(uploader, wal, tli, switchLsn);
                }
                if (stopping || recycledFrom >= 0) {
                    return;
                }
                tli = history.childOf(tli);
                segment = Long.divideUnsigned(switchLsn, wal.segmentSize());
            }
        }
        stream(session, uploader, wal, tli, segment, -1);
    }

    /** Streams from the start of {@code segment}; for an old timeline, until {@code endLsn}, where it ended. */
    private void stream(
            ReplicationSession session, WalUploader uploader, WalPosition wal, int tli, long segment, long endLsn)
            throws SQLException, IOException {
        long start = segment * wal.segmentSize();
        PhysicalStream stream;
        try {
            stream = session.start(options.slot(), start, tli);
        } catch (SQLException e) {
            if ("55006".equals(e.getSQLState())) {
                throw new KeelException(
                        BackupError.SLOT_IN_USE,
                        "replication slot " + options.slot() + " on " + server + " is in use: " + e.getMessage(),
                        "another keel wal stream is running for this server; stop it, or give this one its own --slot");
            }
            if ("58P01".equals(e.getSQLState())) {
                recycledFrom = start;
                return;
            }
            throw e;
        }
        timeline = tli;
        listener.streaming(server, tli, start, options.slot(), options.synchronous());
        SegmentWriter writer = new SegmentWriter(spool, uploader, wal, tli, start);
        flushedLsn = start;
        try {
            while (!stopping && !refused) {
                PhysicalStream.Message message = stream.next(true);
                if (message == null) {
                    if (!stream.active()) {
                        if (endLsn >= 0) {
                            // The server ends an older timeline's copy where that timeline ends.
                            writer.force();
                            flushedLsn = writer.written();
                            writer.endTimeline(tli);
                        }
                        return;
                    }
                    continue;
                }
                boolean reply = handle(writer, message);
                int batch = 0;
                while (batch < MAX_BATCH_BYTES && (message = stream.next(false)) != null) {
                    reply |= handle(writer, message);
                    batch += message instanceof PhysicalStream.WalData data ? data.length() : 0;
                }
                if (writer.written() > flushedLsn) {
                    writer.force();
                    flushedLsn = writer.written();
                    stream.report(flushedLsn, flushedLsn);
                } else if (reply) {
                    stream.report(flushedLsn, flushedLsn);
                }
            }
        } catch (SQLException e) {
            // The walsender starts the copy and only then finds the segment gone.
            if ("58P01".equals(e.getSQLState()) && writer.written() == start) {
                recycledFrom = start;
                return;
            }
            throw e;
        } finally {
            writer.close();
        }
    }

    private static boolean handle(SegmentWriter writer, PhysicalStream.Message message) {
        if (message instanceof PhysicalStream.WalData data) {
            writer.write(data);
            return false;
        }
        return ((PhysicalStream.Keepalive) message).replyRequested();
    }

    private TimelineHistory storeHistories(ReplicationSession session, int serverTimeline, WalUploader uploader)
            throws SQLException, IOException {
        String text = session.timelineHistory(serverTimeline);
        TimelineHistory history = TimelineHistory.parse(serverTimeline, text);
        storeHistory(uploader, serverTimeline, text);
        for (TimelineHistory.Branch branch : history.branches()) {
            if (branch.parent() > 1) {
                storeHistory(uploader, branch.parent(), session.timelineHistory(branch.parent()));
            }
        }
        return history;
    }

    private void storeHistory(WalUploader uploader, int tli, String text) {
        String name = RepositoryLayout.timelineHex(tli) + ".history";
        if (!repository.store().exists(RepositoryLayout.walFile(name))) {
            uploader.finished(spool.writeFinished(name, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Stores the old timeline's last segment, which ends inside, as a partial segment for good. */
    private void finishHistoric(WalUploader uploader, WalPosition wal, int tli, long switchLsn) {
        if (Long.remainderUnsigned(switchLsn, wal.segmentSize()) == 0) {
            return;
        }
        String name = wal.name(tli, Long.divideUnsigned(switchLsn, wal.segmentSize()));
        if (Files.exists(spool.partialFile(name))) {
            uploader.historic(tli, name, spool.retire(name));
        }
    }

    private void refuseOtherCluster(ServerIdentity identity) {
        for (String id : repository.catalog().completeBackups()) {
            Optional<BackupManifest> manifest = repository.readManifest(id);
            if (manifest.isPresent() && !manifest.get().systemIdentifier().equals(identity.systemId())) {
                throw new KeelException(
                        BackupError.CLUSTER_MISMATCH,
                        server + " is cluster " + identity.systemId() + " but "
                                + repository.store().describe() + " backs up cluster "
                                + manifest.get().systemIdentifier(),
                        "give each cluster its own backup.repository");
            }
            return;
        }
    }

    private void requireSynchronous(ReplicationSession session) throws SQLException, IOException {
        String names = session.synchronousStandbyNames();
        if (!SynchronousStandbyNames.lists(names, options.applicationName())) {
            throw new KeelException(
                    BackupError.SYNCHRONOUS_SETUP,
                    "--synchronous, but " + server + " does not wait for " + options.applicationName()
                            + (names.isBlank()
                                    ? " (synchronous_standby_names is empty)"
                                    : " (synchronous_standby_names is '" + names + "')"),
                    "run keel wal setup --synchronous first, or stream without --synchronous");
        }
        String commit = session.synchronousCommit();
        if (commit.equals("off") || commit.equals("local")) {
            listener.warning("synchronous_commit is " + commit + " on " + server
                    + ": commits do not wait for keel, so they can be lost; set it to on");
        }
    }

    private KeelException lost(Exception e) {
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (state.equals("42501") || state.equals("28000")) {
            return new KeelException(
                    BackupError.REPLICATION_REFUSED,
                    "the server refused replication to " + server + ": " + message,
                    "the role needs REPLICATION (ALTER ROLE … REPLICATION) and pg_hba.conf a 'replication' line for this host",
                    e);
        }
        if (state.equals("42601")) {
            return new KeelException(
                    BackupError.SERVER_UNSUPPORTED,
                    server + " does not understand " + message,
                    "keel wal stream needs PostgreSQL 15 or later");
        }
        return new KeelException(
                BackupError.REPLICATION_LOST,
                "lost the replication connection to " + server + ": " + message,
                "check that the server is running; keel resumes where it stopped",
                e);
    }

    private void pause() {
        long until = System.nanoTime() + options.retryDelay().toNanos();
        while (!stopping && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Counts stored segments for the result, and passes everything on. */
    private final class CountingListener implements StreamListener {
        private final StreamListener delegate;

        CountingListener(StreamListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void streaming(String server, int timeline, long lsn, String slot, boolean synchronous) {
            delegate.streaming(server, timeline, lsn, slot, synchronous);
        }

        @Override
        public void stored(String name) {
            if (RepositoryLayout.isSegmentName(name)) {
                segmentsStored.incrementAndGet();
            }
            delegate.stored(name);
        }

        @Override
        public void warning(String message) {
            delegate.warning(message);
        }

        @Override
        public void retrying(String problem, long seconds) {
            delegate.retrying(problem, seconds);
        }
    }
}
