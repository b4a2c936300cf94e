package dev.keel.backup.incr;

import dev.keel.backup.BackupError;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL 17's WAL summarizer (summarize_wal = on) knows about the blocks modified between a
 * parent backup's start and this backup's start. Either all of the range is summarized, or the
 * incremental backup compares whole files instead: a block missed here would be a block restored stale.
 */
public final class WalSummaries {
    /** The first major version with WAL summaries. */
    static final int FIRST_MAJOR = 17;
    /** How long to wait for the summarizer to reach the backup's start; it is usually there within a second. */
    private static final long WAIT_NANOS = 60_000_000_000L;

    /** The changed blocks, or why there are none: a sentence that says what to set. */
    public record Outcome(ChangedBlocks blocks, String unavailable) {
        public Optional<ChangedBlocks> changed() {
            return Optional.ofNullable(blocks);
        }
    }

    private WalSummaries() {}

    public static Outcome between(
            Connection connection,
            int majorVersion,
            int timeline,
            String fromLsn,
            String toLsn,
            long blocksPerSegment) {
        if (majorVersion < FIRST_MAJOR) {
            return new Outcome(
                    null,
                    "PostgreSQL " + majorVersion + " keeps no WAL summaries, so unchanged files are found by checksum"
                            + " (block-level incremental backups need PostgreSQL 17 with summarize_wal = on)");
        }
        try {
            long from = WalPosition.lsn(fromLsn);
            long to = WalPosition.lsn(toLsn);
            if (!awaitSummarized(connection, to)) {
                return new Outcome(
                        null,
                        "WAL summarization is off, so unchanged files are found by checksum; set summarize_wal = on"
                                + " for block-level incremental backups");
            }
            List<SummaryCoverage.Summary> available = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(sql("wal-summaries.sql"))) {
                s.setInt(1, timeline);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        available.add(new SummaryCoverage.Summary(
                                WalPosition.lsn(rs.getString(1)), WalPosition.lsn(rs.getString(2))));
                    }
                }
            }
            Optional<List<SummaryCoverage.Summary>> chain = SummaryCoverage.covering(available, from, to);
            if (chain.isEmpty()) {
                return new Outcome(
                        null,
                        "the WAL summaries do not cover " + fromLsn + " to " + toLsn + " on timeline " + timeline
                                + ", so unchanged files are found by checksum; keep summarize_wal = on (and wal_summary_keep_time longer than"
                                + " the time between backups) for block-level incremental backups");
            }
            ChangedBlocks blocks = new ChangedBlocks(blocksPerSegment);
            for (SummaryCoverage.Summary summary : chain.get()) {
                read(connection, timeline, summary, blocks);
            }
            return new Outcome(blocks, null);
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.SERVER_COMMAND_FAILED,
                    "cannot read the WAL summaries: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "back up as a superuser, or take a full backup",
                    e);
        }
    }

    /** False when summarization is off; otherwise waits until the summarizer has passed {@code lsn}. */
    private static boolean awaitSummarized(Connection connection, long lsn) throws SQLException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql("summarizer-state.sql"))) {
                rs.next();
                if (!rs.getBoolean("enabled")) {
                    return false;
                }
                String summarized = rs.getString("summarized_lsn");
                if (summarized != null && Long.compareUnsigned(WalPosition.lsn(summarized), lsn) >= 0) {
                    return true;
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static void read(Connection connection, int timeline, SummaryCoverage.Summary summary, ChangedBlocks blocks)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql("wal-summary-contents.sql"))) {
            s.setInt(1, timeline);
            s.setString(2, WalPosition.text(summary.start()));
            s.setString(3, WalPosition.text(summary.end()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ChangedBlocks.Fork fork =
                            new ChangedBlocks.Fork(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4));
                    if (rs.getBoolean(6)) {
                        blocks.truncated(fork, rs.getLong(5));
                    } else {
                        blocks.modified(fork, rs.getLong(5));
                    }
                }
            }
        }
    }

    private static String sql(String name) {
        return SqlResources.load(WalSummaries.class, name);
    }
}
