package org.graphlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.graphlint.parser.Text;
import org.graphlint.validate.Category;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.ValidateOptions;

/**
 * A fixture given as {@code -}: standard input, read here (up to the {@code --max-size} cap, so {@code /dev/zero} piped
 * in ends in a finding, not an exhausted heap), decoded as strict UTF-8 and handed to the library's text API.
 * {@code --stdin-name} names it in findings and routes it as a file name would ({@code .http}, an operation word).
 */
final class StdinFixture {
    private StdinFixture() {
    }

    /** What was read: the text, or the finding that says why there is none. */
    record Read(String text, boolean bom, Finding problem) {
    }

    static Read read(InputStream in, long maxBytes) {
        byte[] buf = new byte[8192];
        int n = 0;
        try {
            while (true) {
                if (n == buf.length) {
                    if (n > maxBytes) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min((long) n * 2, maxBytes + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            return new Read(null, false, problem("unreadable", 0, "cannot read standard input: " + Text.oneLine(e)));
        }
        if (n > maxBytes) {
            return new Read(null, false, problem("too-large", 1, String.format(Locale.ROOT,
                    "standard input is over the %d-byte limit for a fixture (--max-size); it was not checked", maxBytes)));
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(buf, 0, n);
        try {
            String text = dec.decode(bytes).toString();
            boolean bom = text.startsWith("\uFEFF");
            // the mark becomes a space, as the library does, so that columns stay those of the input
            return new Read(bom ? " " + text.substring(1) : text, bom, null);
        } catch (MalformedInputException e) {
            return new Read(null, false, problem("encoding", 1, "standard input is not valid UTF-8 (byte " + (bytes.position() + 1)
                    + "); save it as UTF-8"));
        } catch (CharacterCodingException e) {
            return new Read(null, false, problem("encoding", 1, "standard input is not valid UTF-8; save it as UTF-8"));
        }
    }

    private static Finding problem(String rule, int line, String message) {
        return new Finding(null, 0, line, line, null, rule, Severity.ERROR, Category.INPUT, message, null);
    }

    /** The report for what was read, named {@code name}. */
    static FileReport check(PayloadValidator v, Read read, String name, ValidateOptions options) {
        if (read.problem() != null) {
            return new FileReport(name, List.of(), List.of(read.problem().in(name, 0)), 0);
        }
        FileReport r = v.validateText(name, read.text(), PayloadValidator.isHttp(name), null, options);
        if (!read.bom()) {
            return r;
        }
        List<Finding> fs = new ArrayList<>();
        fs.add(new Finding(name, 0, 1, 1, null, "bom", Severity.WARNING, Category.INPUT,
                "the input starts with a UTF-8 byte-order mark; JSON text must not (RFC 8259 section 8.1), graphlint ignored it",
                null));
        fs.addAll(r.findings());
        return new FileReport(r.file(), r.targets(), fs, r.requests());
    }

}
