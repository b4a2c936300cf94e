package dev.keel.agent.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The doctor's runbooks, bundled into the jar from docs/runbooks at build time, rendered once each. Only a check id
 * names a page, so a finding can never make the dashboard read another resource.
 */
public final class Runbooks {
    private static final String DIRECTORY = "runbooks/";
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}");

    private final Map<String, Optional<String>> rendered = new ConcurrentHashMap<>();

    /** The runbook of {@code check} as HTML; empty when the check has none. */
    public Optional<String> html(String check) {
        if (check == null || !CHECK_ID.matcher(check).matches()) {
            return Optional.empty();
        }
        return rendered.computeIfAbsent(check, Runbooks::load);
    }

    private static Optional<String> load(String check) {
        try (InputStream in = Runbooks.class.getResourceAsStream(DIRECTORY + check + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(Markdown.render(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
