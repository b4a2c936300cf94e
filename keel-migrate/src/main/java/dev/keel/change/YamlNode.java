package dev.keel.change;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column it starts at: findings in a change file point at the key a person wrote,
 * which a plain tree of maps forgets. {@code value} is a {@code Map<String, YamlNode>} (keys keep their positions in
 * {@code keys}), a {@code List<YamlNode>}, a String, or null.
 */
public record YamlNode(Object value, int line, int column, Map<String, Position> keys) {

    /** Where a key or value starts in its file, 1-based. */
    public record Position(int line, int column) {}

    /** The YAML could not be read; line and column say where. */
    public static final class Malformed extends Exception {
        private final Position at;

        Malformed(String message, Position at) {
            super(message);
            this.at = at;
        }

        public Position at() {
            return at;
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    public static YamlNode parse(String text) throws Malformed {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlNode(null, 1, 1, Map.of());
            }
            return read(p);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw new Malformed(message, l == null ? new Position(1, 1) : new Position(l.getLineNr(), l.getColumnNr()));
        } catch (IOException e) {
            throw new Malformed(e.getMessage(), new Position(1, 1));
        }
    }

    private static YamlNode read(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            Map<String, Position> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation k = p.currentTokenLocation();
                String name = p.currentName();
                keys.put(name, new Position(k.getLineNr(), k.getColumnNr()));
                p.nextToken();
                map.put(name, read(p));
            }
            return new YamlNode(map, line, column, keys);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(p));
            }
            return new YamlNode(list, line, column, Map.of());
        }
        if (t == JsonToken.VALUE_NULL) {
            return new YamlNode(null, line, column, Map.of());
        }
        return new YamlNode(p.getText(), line, column, Map.of());
    }

    public Position position() {
        return new Position(line, column);
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> map() {
        return isMap() ? (Map<String, YamlNode>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() {
        return isList() ? (List<YamlNode>) value : List.of();
    }

    /** The scalar as text; null for a missing value, a map or a list. */
    public String text() {
        return value instanceof String s ? s : null;
    }

    public Position keyPosition(String key) {
        return keys.getOrDefault(key, position());
    }
}
