package dev.keel.agent.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keel.app.JsonOutput;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The generic webhook body: one JSON document per event, its fields as docs/alerts.md lists them. */
public final class JsonAlert {

    private JsonAlert() {}

    public static String body(AlertEvent event, RunbookLinks links) {
        AlertCondition c = event.condition();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("event", event.kind().label());
        document.put("key", c.key());
        document.put("severity", c.severity().label());
        document.put("check", c.check());
        document.put("summary", c.summary());
        document.put("evidence", c.evidence());
        document.put("runbook", links.of(c.runbook()));
        document.put("database", event.database());
        document.put("agentHost", event.agentHost());
        document.put("time", event.time().toString());
        document.put("opened", event.opened().toString());
        try {
            return JsonOutput.mapper()
                    .disable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
