package dev.keel.agent.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.app.JsonOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON documents a receiver got, read. */
final class Bodies {

    private Bodies() {}

    static JsonNode json(String body) {
        try {
            return JsonOutput.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events of the documents about {@code key}, in order of arrival. */
    static List<String> events(List<String> bodies, String key) {
        return bodies.stream()
                .map(Bodies::json)
                .filter(j -> j.get("key").asText().equals(key))
                .map(j -> j.get("event").asText())
                .toList();
    }
}
