package dev.keel.spring.actuate;

import dev.keel.doctor.Doctor;
import dev.keel.doctor.checks.BlockingChains;
import dev.keel.doctor.checks.ConnectionSaturation;
import dev.keel.doctor.checks.InactiveReplicationSlots;
import dev.keel.doctor.checks.InvalidIndexes;
import dev.keel.doctor.checks.LongTransactions;
import dev.keel.doctor.checks.ReplicationLag;
import dev.keel.doctor.checks.WraparoundAge;
import java.time.Duration;

/**
 * The doctor checks a health probe may run: those that read a few system views and catalogs, and whose critical
 * findings mean the database is in trouble now. Those that scan statistics of every table or index (bloat, growth,
 * slow statements) stay with {@code keel doctor} and the agent.
 */
final class HealthDoctor {
    /** A probe waits for the doctor; it must give up well before the probe's own timeout. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(3);

    private HealthDoctor() {}

    static Doctor create(String keelSchema) {
        return Doctor.of(
                        keelSchema,
                        new BlockingChains(),
                        new LongTransactions(),
                        new ConnectionSaturation(),
                        new WraparoundAge(),
                        new InvalidIndexes(),
                        new InactiveReplicationSlots(),
                        new ReplicationLag())
                .withStatementTimeout(STATEMENT_TIMEOUT);
    }
}
