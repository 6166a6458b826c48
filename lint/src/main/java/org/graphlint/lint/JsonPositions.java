package org.graphlint.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each JSON pointer of an example body starts, as line and column within the body text: for a property, where
 * its name is written (what a maintainer edits); for an array element, where the value starts.
 */
final class JsonPositions {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, int[]> at = new HashMap<>();

    private JsonPositions() {
    }

    static JsonPositions of(String body) {
        JsonPositions p = new JsonPositions();
        try (JsonParser jp = JSON.createParser(body)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<int[]> index = new ArrayDeque<>(); // array element counters; {-1} for objects
            JsonToken t;
            String pending = null;
            while ((t = jp.nextToken()) != null) {
                TokenStreamLocation loc = jp.currentTokenLocation();
                int[] lc = {loc.getLineNr(), loc.getColumnNr()};
                if (t == JsonToken.PROPERTY_NAME) {
                    pending = (path.isEmpty() ? "" : path.peek()) + "/" + escape(jp.currentName());
                    p.at.putIfAbsent(pending, lc);
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.pop();
                    index.pop();
                    continue;
                }
                String here;
                if (pending != null) {
                    here = pending;
                    pending = null;
                } else if (!index.isEmpty() && index.peek()[0] >= 0) {
                    here = (path.isEmpty() ? "" : path.peek()) + "/" + index.peek()[0]++;
                    p.at.putIfAbsent(here, lc);
                } else {
                    here = "";
                    p.at.putIfAbsent(here, lc);
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    path.push(here);
                    index.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (JacksonException | java.util.NoSuchElementException e) {
            // positions read so far stay usable
        }
        return p;
    }

    /** Line and column (1-based) of the pointer in the body, or null. */
    int[] find(String pointer) {
        return at.get(pointer);
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
