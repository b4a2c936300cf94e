package dev.keel.check;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -- keel:allow <rule-id> <reason>} comments on or above a statement (between the previous
 * statement and the end of this one). A waiver without a reason waives nothing.
 */
final class Waivers {
    private static final Pattern ALLOW = Pattern.compile("--\\s*keel:allow\\s+([A-Za-z0-9-]+)[ \\t]*([^\\n]*)");

    private final Map<String, String> reasons = new HashMap<>();
    private final Map<String, Integer> withoutReason = new HashMap<>();

    static Waivers in(String text, int startOffset) {
        Waivers waivers = new Waivers();
        Matcher m = ALLOW.matcher(text);
        while (m.find()) {
            String reason = m.group(2).strip();
            if (reason.isEmpty()) {
                waivers.withoutReason.put(m.group(1), startOffset + m.start());
            } else {
                waivers.reasons.put(m.group(1), reason);
            }
        }
        return waivers;
    }

    /** The reason a finding of this rule is allowed here, or null. */
    String reasonFor(String rule) {
        return reasons.get(rule);
    }

    Map<String, Integer> withoutReason() {
        return withoutReason;
    }
}
