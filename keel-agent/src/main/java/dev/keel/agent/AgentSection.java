package dev.keel.agent;

import dev.keel.agent.http.ListenAddress;
import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** keel-agent's keys in keel.yaml: where keel up listens, the token it asks for, how long it keeps job history. */
public final class AgentSection implements ConfigSection {
    /** Below this a token is guessable; a generated one (openssl rand -hex 32) is far longer. */
    static final int MIN_TOKEN_LENGTH = 16;

    public static final ConfigKey<ListenAddress> LISTEN = ConfigKey.of(
            "agent.listen",
            "HOST:PORT",
            ListenAddress.parse(ListenAddress.DEFAULT, "agent.listen"),
            ListenAddress.DEFAULT,
            "where keel up serves /health and /metrics; an address other hosts can reach needs agent.token",
            (text, key, dir) -> ListenAddress.parse(text, "'" + key + "'"));
    /** Checked without echoing the value: a refused token is still a secret. */
    public static final ConfigKey<String> TOKEN = ConfigKey.of(
            "agent.token",
            "text",
            null,
            "not set",
            "the bearer token every request to keel up must carry (Authorization: Bearer …); write ${VARIABLE}"
                    + " rather than the token",
            (text, key, dir) -> {
                String token = text.strip();
                if (token.length() < MIN_TOKEN_LENGTH) {
                    throw ConfigKey.invalidValue(
                            "'" + key + "' must be at least " + MIN_TOKEN_LENGTH + " characters long (it has "
                                    + token.length() + ")",
                            "generate one, e.g. with openssl rand -hex 32, and write agent.token: ${VARIABLE}");
                }
                return token;
            });

    public static final ConfigKey<Duration> HISTORY = ConfigKey.duration(
                    "agent.history",
                    Duration.ofDays(30),
                    "how long keel up keeps each job's runs in agent_runs in keel's schema")
            .requiring(d -> d.toHours() >= 1, "must be at least 1h", "set it to a duration such as 30d")
            .withDefault(Duration.ofDays(30), "30d");

    @Override
    public String title() {
        return "Agent (keel up)";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(LISTEN, TOKEN, HISTORY);
    }

    @Override
    public int order() {
        return 40;
    }
}
