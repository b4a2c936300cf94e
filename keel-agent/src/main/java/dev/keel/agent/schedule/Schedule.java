package dev.keel.agent.schedule;

import com.cronutils.model.time.ExecutionTime;
import dev.keel.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When a job runs: never, all the time, every interval, or at the times a cron expression names. */
public sealed interface Schedule {

    /** As keel.yaml writes it. */
    String text();

    /** The first time after {@code last} the job is due; empty for a job that never runs or always runs. */
    Optional<Instant> next(Instant last);

    record Off() implements Schedule {
        @Override
        public String text() {
            return "off";
        }

        @Override
        public Optional<Instant> next(Instant last) {
            return Optional.empty();
        }
    }

    /** Runs all the time (WAL streaming): restarted whenever it ends. */
    record Continuous() implements Schedule {
        @Override
        public String text() {
            return "continuous";
        }

        @Override
        public Optional<Instant> next(Instant last) {
            return Optional.empty();
        }
    }

    record Every(Duration interval) implements Schedule {
        @Override
        public String text() {
            long s = interval.toSeconds();
            return s % 86_400 == 0 ? s / 86_400 + "d" : s % 3600 == 0 ? s / 3600 + "h" : Durations.human(interval);
        }

        @Override
        public Optional<Instant> next(Instant last) {
            return Optional.of(last.plus(interval));
        }
    }

    /** A 5-field unix cron expression, read in {@code zone} (the agent's time zone). */
    record Cron(String expression, ExecutionTime times, ZoneId zone) implements Schedule {
        @Override
        public String text() {
            return expression;
        }

        @Override
        public Optional<Instant> next(Instant last) {
            return times.nextExecution(ZonedDateTime.ofInstant(last, zone)).map(ZonedDateTime::toInstant);
        }
    }
}
