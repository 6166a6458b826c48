package org.graphlint.validate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import org.graphlint.schema.JsonTrees;
import tools.jackson.databind.json.JsonMapper;

/** Bytes to text (strict UTF-8), text to a JSON tree, and JSON pointers back to line and column. */
final class SourceText {

    /** Deeper documents are refused with a {@code nesting-depth} finding (Jackson's own default, made explicit). */
    static final int MAX_NESTING_DEPTH = 500;

    /** The reader settings: the nesting limit. Parsers come from here; a mapper only when a problem is worded. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private static final class Mapper {
        static final JsonMapper JSON = JsonMapper.builder(FACTORY)
                // Duplicate names are caught while the tree is built (a failed put), not by the parser's per-object
                // name set: the same check at a fraction of the cost on every valid body.
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * The mapper of the text path (built on first use: the ASCII fast path needs none, see {@link JsonTrees}).
     */
    static JsonMapper json() {
        return Mapper.JSON;
    }

    private static final Pattern SOURCE_REF = Pattern.compile("\\[Source: [^;\\]]*; ");

    private static final Pattern DUPLICATE = Pattern.compile("[Dd]uplicate (?:Object )?(?:property|field) \"([^\"]*)\"");
    private static final Pattern UNKNOWN_MARKER = Pattern.compile("\\s*\\(start marker at \\[[^\\]]*#UNKNOWN\\]\\)");

    private SourceText() {
    }

    /** Text, or the finding that says why the bytes are not text. */
    record Decoded(String text, Finding problem, boolean bom) {
    }

    /** A parsed body, or the finding that says why it is not JSON. */
    record Parsed(JsonNode node, Finding problem) {
    }

    /**
     * Strict UTF-8. A UTF-8 byte-order mark is replaced by a space (so columns stay right) and noted by the caller; a
     * UTF-16/32 mark or an invalid byte sequence is an {@code encoding} finding at its line and column.
     */
    static Decoded decode(byte[] bytes) {
        int n = bytes.length;
        if (n >= 4 && ((bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE && bytes[3] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE && bytes[2] == 0 && bytes[3] == 0))) {
            // Checked before UTF-16: a UTF-32 little-endian mark starts with the UTF-16 one.
            return new Decoded(null, input(1, 1, "encoding",
                    "the file is UTF-32 (it starts with a UTF-32 byte-order mark); JSON fixtures must be UTF-8"), false);
        }
        if (n >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return new Decoded(null, input(1, 1, "encoding",
                    "the file is UTF-16 (it starts with a UTF-16 byte-order mark); JSON fixtures must be UTF-8"), false);
        }
        boolean bom = n >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            // Either a real U+FFFD or a malformed sequence the lenient decoder replaced: decode strictly to tell.
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(n + 1);
            CoderResult r = dec.decode(in, out, true);
            if (r.isError()) {
                int at = in.position();
                String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
                int[] lc = lineColumn(before, before.length());
                return new Decoded(null, input(lc[0], lc[1], "encoding", String.format(
                        "invalid UTF-8: byte 0x%02X at byte offset %d is not part of a valid UTF-8 sequence; save the file as UTF-8",
                        bytes[at] & 0xFF, at)), false);
            }
        }
        if (bom) {
            s = ' ' + s.substring(1);
        }
        return new Decoded(s, null, bom);
    }

    /** Line and column (1-based, UTF-16 units) of a char offset. */
    static int[] lineColumn(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** True when every byte is 7-bit ASCII (then the bytes are valid UTF-8, carry no BOM, and byte = char offsets). */
    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an ASCII JSON document straight from its bytes, with the same reader settings as {@link #parse}; null for
     * anything that is not one well-formed, non-empty document (the caller then takes the text path, which words the
     * problem).
     */
    static Parsed parseAscii(byte[] bytes) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonNode n = tree(p);
            if (n == null || p.nextToken() != null) {
                return null;
            }
            return new Parsed(n, null);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The tree of one JSON document from the parser's tokens ({@link JsonTrees#read}); null: take the mapper's path. */
    static JsonNode tree(JsonParser p) {
        return JsonTrees.read(p);
    }


    /** Parses one JSON document; never throws for bad input. */
    static Parsed parse(String text) {
        if (text.isBlank()) {
            return new Parsed(null, input(1, 1, "empty", "no JSON body: the fixture is empty"));
        }
        JsonParser p = null;
        try {
            p = json().createParser(text);
            JsonNode n = json().readTree(p);
            if (n == null || n.isMissingNode()) {
                return new Parsed(null, input(1, 1, "empty", "no JSON body: the fixture is empty"));
            }
            if (p.nextToken() != null) {
                TokenStreamLocation loc = p.currentTokenLocation();
                return new Parsed(null, input(line(loc), column(loc), "json-syntax",
                        "not valid JSON: more content after the end of the JSON document"));
            }
            return new Parsed(n, null);
        } catch (StreamConstraintsException e) {
            TokenStreamLocation loc = location(e, p);
            String m = clean(e.getOriginalMessage());
            boolean depth = m.toLowerCase(java.util.Locale.ROOT).contains("nesting depth");
            return new Parsed(null, input(line(loc), column(loc), depth ? "nesting-depth" : "json-limits",
                    depth ? "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels; graphlint stops reading here (no Graph payload nests this deep)"
                          : "JSON exceeds a reading limit: " + m));
        } catch (JacksonException e) {
            TokenStreamLocation loc = location(e, p);
            String m = clean(e.getOriginalMessage());
            String rule = m.startsWith("Duplicate Object property") || m.startsWith("Duplicate field")
                    || m.contains("duplicate property") || m.contains("Duplicate property") ? "duplicate-property" : "json-syntax";
            if (rule.equals("duplicate-property")) {
                java.util.regex.Matcher dm = DUPLICATE.matcher(m);
                String prop = dm.find() ? dm.group(1) : "a property";
                return new Parsed(null, input(line(loc), column(loc), rule, "property `" + prop
                        + "` appears twice in one object; receivers differ on which value counts, so keep one"));
            }
            return new Parsed(null, input(line(loc), column(loc), rule, "not valid JSON: " + syntaxReason(m)));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (JacksonException ignored) {
                    // nothing to release for in-memory text
                }
            }
        }
    }

    private static TokenStreamLocation location(JacksonException e, JsonParser p) {
        TokenStreamLocation loc = e.getLocation();
        if ((loc == null || loc.getLineNr() <= 0) && p != null) {
            loc = p.currentLocation();
        }
        return loc;
    }

    private static int line(TokenStreamLocation loc) {
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    private static int column(TokenStreamLocation loc) {
        return loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
    }

    /**
     * What is wrong, in graphlint's words and without quoting the file: a fixture that is not JSON may be anything (a
     * {@code < ../../etc/passwd} body once put its first word into CI logs through Jackson's message).
     */
    static String syntaxReason(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("Unrecognized token")) {
            return "a word that is not true, false, null, a number or a quoted string";
        }
        if (m.contains("end-of-input")) {
            return "the text ends before the JSON document does";
        }
        if (m.contains("Illegal unquoted character") || m.contains("control character")) {
            return "a control character inside a string (escape it, e.g. \\n)";
        }
        if (m.contains("was expecting double-quote to start field name") || m.contains("expecting double-quote")) {
            return "a property name must be a quoted string";
        }
        if (m.contains("was expecting comma")) {
            return "a comma is missing between values";
        }
        if (m.contains("was expecting a colon")) {
            return "a colon is missing after a property name";
        }
        if (m.contains("close marker")) {
            return "a closing bracket or brace that does not match";
        }
        if (m.contains("Invalid numeric value") || m.contains("Numeric value") || m.contains("Leading zeroes")) {
            return "a malformed number";
        }
        if (m.contains("Unexpected character") || m.contains("Unexpected token")) {
            return "an unexpected character here";
        }
        if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF")) {
            return "invalid UTF-8";
        }
        return "a syntax error here";
    }

    /** Jackson's message on one line, without its redacted source references. */
    static String clean(String m) {
        if (m == null) {
            return "(no detail)";
        }
        m = SOURCE_REF.matcher(m).replaceAll("[");
        m = UNKNOWN_MARKER.matcher(m).replaceAll("");
        m = m.replace('\n', ' ').replace('\r', ' ').replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    static Finding input(int line, int col, String rule, String message) {
        return new Finding(null, 0, line, col, null, rule, Severity.ERROR, Category.INPUT, message, null);
    }

    /** Positions of JSON pointers in a document: the value's first token, and the property name before it. */
    record Positions(Map<String, int[]> values, Map<String, int[]> names) {
        int[] value(String pointer) {
            return values.get(pointer);
        }

        int[] name(String pointer) {
            return names.get(pointer);
        }
    }

    /**
     * Streams the text once more (only done for bodies with findings) and records where each wanted pointer's value,
     * and its property name, start. Stops as soon as every wanted pointer was seen.
     */
    static Positions locate(String text, Set<String> wanted) {
        Map<String, int[]> values = new HashMap<>();
        Map<String, int[]> names = new HashMap<>();
        Set<String> left = new HashSet<>(wanted);
        try (JsonParser p = json().createParser(text)) {
            JsonToken t;
            while (!left.isEmpty() && (t = p.nextToken()) != null) {
                String ptr = p.streamReadContext().pathAsPointer().toString();
                if (!wanted.contains(ptr)) {
                    continue;
                }
                TokenStreamLocation loc = p.currentTokenLocation();
                int[] lc = {loc.getLineNr(), loc.getColumnNr()};
                if (t == JsonToken.PROPERTY_NAME) {
                    names.putIfAbsent(ptr, lc);
                } else {
                    values.putIfAbsent(ptr, lc);
                    left.remove(ptr);
                }
            }
        } catch (JacksonException e) {
            // The text parsed before; a second failure only leaves some positions unknown.
        }
        return new Positions(values, names);
    }
}
