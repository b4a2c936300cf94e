package dev.keel.agent.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.keel.config.Durations;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a schedule as keel.yaml writes it: off, continuous, an interval (5min, 1h, 7d) or a 5-field cron expression. */
public final class ScheduleParser {
    /** Shorter intervals would make a job of keel's a load of its own on the database. */
    static final Duration SHORTEST = Duration.ofSeconds(10);

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Pattern INTERVAL = Pattern.compile("\\s*\\d+\\s*[a-zA-Z]*\\s*");

    private ScheduleParser() {}

    /** @throws IllegalArgumentException saying in a few words what is wrong (the caller names the key) */
    public static Schedule parse(String text, ZoneId zone) {
        String value = text.strip();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "off", "false", "no" -> {
                return new Schedule.Off();
            }
            case "continuous" -> {
                return new Schedule.Continuous();
            }
            default -> {}
        }
        if (INTERVAL.matcher(value).matches()) {
            Duration interval = Durations.parse(value);
            if (interval.compareTo(SHORTEST) < 0) {
                throw new IllegalArgumentException("an interval must be at least " + Durations.human(SHORTEST));
            }
            return new Schedule.Every(interval);
        }
        String[] fields = value.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("is neither an interval nor a cron expression of 5 fields");
        }
        try {
            return new Schedule.Cron(value, ExecutionTime.forCron(CRON.parse(value)), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a valid cron expression (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
