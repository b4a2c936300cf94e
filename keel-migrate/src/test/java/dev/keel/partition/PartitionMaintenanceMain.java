package dev.keel.partition;

import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.ddl.LockRetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A keel partitions maintain process for the two-process test: {@code <jdbc url> <epoch second of now>}; prints its changes. */
public final class PartitionMaintenanceMain {

    private PartitionMaintenanceMain() {}

    public static void main(String[] args) {
        PartitionMaintenanceResult result = new PartitionMaintenance(
                        ConnectionSource.of(TargetParser.parse(args[0], null, null, "test")),
                        "keel",
                        new LockRetryPolicy(Duration.ofMillis(300), 10),
                        Clock.fixed(Instant.ofEpochSecond(Long.parseLong(args[1])), ZoneOffset.UTC),
                        line -> System.err.println(line))
                .run(false);
        System.out.println("changes=" + result.changes());
    }
}
