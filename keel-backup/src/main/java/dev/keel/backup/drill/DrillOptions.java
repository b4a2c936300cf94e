package dev.keel.backup.drill;

import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.transfer.TransferProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * @param database the database the invariants and amcheck run in
 * @param rpo and rto the targets (backup.rpo, backup.rto); null when none is set
 * @param primaryNewestCommit the newest commit time on the primary now; empty when the primary cannot tell
 */
public record DrillOptions(
        RecoveryTarget target,
        Path binDir,
        String superuser,
        int parallel,
        String restoreCommand,
        String database,
        List<String> invariants,
        Duration rpo,
        Duration rto,
        Supplier<Optional<Instant>> primaryNewestCommit,
        TransferProgress progress,
        Consumer<String> status) {
    public DrillOptions {
        invariants = List.copyOf(invariants);
    }
}
