package org.graphlint.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page's bytes decoded to lines. Decoding never fails: a BOM is dropped, CRLF and lone CR become line breaks,
 * and invalid UTF-8 is replaced with U+FFFD and reported with the line it was on.
 */
final class SourceText {
    /** Lines without their terminators; index 0 is line 1. */
    final String[] lines;
    final List<Diagnostic> diagnostics;
    /** The text holds a NUL character, which in UTF-8 (valid or not) only a NUL byte gives. */
    final boolean hasNul;

    private SourceText(String[] lines, List<Diagnostic> diagnostics, boolean hasNul) {
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.hasNul = hasNul;
    }

    static SourceText decode(String file, byte[] bytes) {
        List<Diagnostic> diags = new ArrayList<>(1);
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
            diags.add(Diagnostic.info("bom", 1, "the file starts with a UTF-8 byte order mark; it was ignored"));
        }
        // new String is the fast decoder (several times faster than a CharsetDecoder on Cyrillic text). It replaces
        // invalid input with U+FFFD, so only a text that holds one can come from invalid UTF-8; the strict decoder
        // then decides (a page may also contain a genuine U+FFFD).
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && !isStrictUtf8(bytes, start)) {
            int bad = firstInvalidUtf8(bytes, start);
            int line = 1;
            for (int i = start; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\uFFFD') {
                    count++;
                }
            }
            diags.add(Diagnostic.error("invalid-utf8", line,
                    "invalid UTF-8 at byte " + bad + "; " + count + " character(s) replaced with U+FFFD, so text there is unreliable"));
        }
        if (text.indexOf('\0') >= 0) {
            return new SourceText(new String[0], diags, true);
        }
        return new SourceText(splitLines(text), diags, false);
    }

    private static boolean isStrictUtf8(byte[] bytes, int start) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String[] splitLines(String text) {
        ArrayList<String> out = new ArrayList<>(Math.max(16, text.length() / 60));
        int n = text.length();
        int s = 0;
        if (text.indexOf('\r') < 0) {
            // The common case, '\n' only: String.indexOf is vectorized, a charAt loop is not.
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', s)) {
                out.add(text.substring(s, nl));
                s = nl + 1;
            }
            if (s < n) {
                out.add(text.substring(s));
            }
            return out.toArray(new String[0]);
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.add(text.substring(s, i));
                s = i + 1;
            } else if (c == '\r') {
                out.add(text.substring(s, i));
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                s = i + 1;
            }
        }
        if (s < n) {
            out.add(text.substring(s));
        }
        return out.toArray(new String[0]);
    }

    /** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
    static int firstInvalidUtf8(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int len;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
            } else {
                return i;
            }
            if (i + len > b.length) {
                return i;
            }
            for (int k = 1; k < len; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += len;
        }
        return b.length;
    }
}
