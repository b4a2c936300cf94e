package dev.keel.agent.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keel.app.JsonOutput;
import java.io.UncheckedIOException;

/**
 * Data for a page's scripts, written into a {@code <script type="application/json">} block. The block is never
 * executed, so CSP's default-src 'self' lets it stand, but its text must not close the element: every {@code <},
 * {@code >} and {@code &} becomes a JSON escape, which JSON.parse reads back unchanged.
 */
public final class ScriptJson {
    private ScriptJson() {}

    /** Compact: the block is read by a script, not a person, and a week's chart is thousands of numbers. */
    private static final ObjectWriter WRITER =
            JsonOutput.mapper().disable(SerializationFeature.INDENT_OUTPUT).writer();

    public static String write(Object value) {
        try {
            return escape(WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The block a script finds by {@code id}. */
    public static String block(String id, Object value) {
        return "<script type=\"application/json\" id=\"" + Html.escape(id) + "\">" + write(value) + "</script>";
    }
}
