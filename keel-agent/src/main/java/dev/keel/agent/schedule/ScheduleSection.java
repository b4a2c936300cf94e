package dev.keel.agent.schedule;

import dev.keel.agent.jobs.JobName;
import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The {@code schedule:} section: one key per job of keel up, each an interval, a cron expression or off. */
public final class ScheduleSection implements ConfigSection {
    private static final Map<JobName, ConfigKey<Schedule>> KEYS = new EnumMap<>(JobName.class);

    static {
        for (JobName job : JobName.values()) {
            KEYS.put(job, create(job));
        }
    }

    public static ConfigKey<Schedule> key(JobName job) {
        return KEYS.get(job);
    }

    private static ConfigKey<Schedule> create(JobName job) {
        return ConfigKey.of(
                "schedule." + job.key(),
                job.continuous() ? "continuous or off" : "interval, cron or off",
                null,
                defaultText(job),
                "when keel up runs " + job.what()
                        + (job.continuous() ? "" : "; a cron expression is read in the agent host's time zone"),
                (text, key, dir) -> parse(job, text, key));
    }

    private static Schedule parse(JobName job, String text, String key) {
        Schedule schedule;
        try {
            schedule = ScheduleParser.parse(text, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw ConfigKey.invalidValue("'" + key + "' " + e.getMessage() + ": '" + text.strip() + "'", example(job));
        }
        if (job.continuous() != (schedule instanceof Schedule.Continuous) && !(schedule instanceof Schedule.Off)) {
            throw ConfigKey.invalidValue(
                    "'" + key + "' " + (job.continuous() ? "runs all the time or not at all" : "cannot be continuous")
                            + ", not '" + text.strip() + "'",
                    example(job));
        }
        return schedule;
    }

    private static String example(JobName job) {
        return job.continuous()
                ? "write schedule." + job.key() + ": continuous, or off"
                : "write e.g. schedule." + job.key() + ": " + job.standard().text()
                        + ", a cron expression such as '0 3 * * *' (03:00 daily), or off";
    }

    private static String defaultText(JobName job) {
        return switch (job.needs()) {
            case NOTHING -> job.standard().text();
            case REPOSITORY -> job.standard().text() + " where backup.repository is set, else off";
            case RETENTION -> job.standard().text() + " where backup.repository and backup.retention are set, else off";
        };
    }

    @Override
    public String title() {
        return "Schedules (keel up)";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return Arrays.stream(JobName.values()).<ConfigKey<?>>map(KEYS::get).toList();
    }

    @Override
    public int order() {
        return 41;
    }
}
