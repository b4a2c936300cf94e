package dev.keel.flags;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** keel-flags' keys in keel.yaml: how an application's flag client behaves (keel flags itself needs none). */
public final class FlagsSection implements ConfigSection {
    public static final ConfigKey<Boolean> SAFE_DEFAULT = ConfigKey.bool(
            "flags.safeDefault",
            false,
            "what every flag answers in an application whose flag client has not read the flags once yet (the database"
                    + " was unreachable since start-up); afterwards an outage serves the last values read");
    public static final ConfigKey<Duration> RELOAD_INTERVAL = ConfigKey.duration(
                    "flags.reloadInterval",
                    Duration.ofSeconds(30),
                    "how often the flag client reads every flag even without a notification: the backstop for one lost"
                            + " with its connection")
            .requiring(
                    d -> d.compareTo(Duration.ofSeconds(1)) >= 0,
                    "must be at least 1s",
                    "set it to 1s or more, e.g. 30s");

    @Override
    public String title() {
        return "Feature flags";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(SAFE_DEFAULT, RELOAD_INTERVAL);
    }

    @Override
    public int order() {
        return 15;
    }
}
