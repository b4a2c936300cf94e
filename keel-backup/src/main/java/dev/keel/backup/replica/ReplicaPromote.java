package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.backup.restore.ServerBinaries;
import dev.keel.error.KeelException;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.postgres.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code keel replica promote DIR}: ends recovery of the standby running in DIR with pg_ctl promote, which waits until
 * the server writes on a timeline of its own. Works on the directory alone, so it needs no connection to the standby
 * and none to a primary that may be gone: that is when one promotes.
 */
public final class ReplicaPromote {
    static final long WAIT_SECONDS = 120;

    private final Path binDir;

    /** @param binDir PostgreSQL binaries the user chose, or null to look for the directory's major version */
    public ReplicaPromote(Path binDir) {
        this.binDir = binDir;
    }

    public ReplicaPromoteResult run(Path dir) {
        long began = System.nanoTime();
        Path dataDir = dir.toAbsolutePath().normalize();
        int major = StandbyDirectory.majorVersion(dataDir);
        PostgresBinaries binaries = ServerBinaries.forMajor(major, binDir);
        PostgresCluster cluster = new PostgresCluster(binaries, dataDir);
        if (!Files.exists(dataDir.resolve("standby.signal"))) {
            throw new KeelException(
                    BackupError.REPLICA_NOT_STANDBY,
                    dataDir + " is not a standby (it has no standby.signal): it is a primary already",
                    "name the data directory of a standby; keel replica list shows where keel made them");
        }
        if (!cluster.isRunning()) {
            throw new KeelException(
                    BackupError.REPLICA_NOT_RUNNING,
                    "the standby in " + dataDir + " is not running, and only a running standby can be promoted",
                    "start it with " + binaries.program("pg_ctl") + " -D " + dataDir + " start, then promote it");
        }
        Processes.run(
                List.of(
                        binaries.program("pg_ctl").toString(),
                        "promote",
                        "-w",
                        "-t",
                        String.valueOf(WAIT_SECONDS),
                        "-D",
                        dataDir.toString()),
                WAIT_SECONDS + 30,
                "promoting the standby in " + dataDir);
        if (Files.exists(dataDir.resolve("standby.signal"))) {
            throw new KeelException(
                    BackupError.PROMOTE_FAILED,
                    "the standby in " + dataDir + " did not leave recovery within " + WAIT_SECONDS + " s",
                    "see the server log (" + cluster.logFile() + " when keel started it)");
        }
        return new ReplicaPromoteResult(
                dataDir.toString(),
                StandbyDirectory.timeline(dataDir),
                StandbyDirectory.port(dataDir),
                binaries.version(),
                (System.nanoTime() - began) / 1_000_000);
    }
}
