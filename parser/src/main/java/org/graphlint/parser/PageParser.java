package org.graphlint.parser;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one localized Graph reference page into a {@link PageModel}.
 *
 * <p>The page is read line by line: front matter, headings, fenced blocks, HTML comments and pipe tables are all
 * the structure graphlint needs, so no full markdown tree is built (a full parse costs several times the whole
 * extraction). Span HTML inside cells is split by {@link SxsSpans}. Nothing that is hard to read is dropped: it
 * becomes a {@link Diagnostic} with its line.
 *
 * <pre>{@code
 * PageModel page = PageParser.parse(Path.of("intune-onboarding-vpptoken-create.md"));
 * page.properties().forEach(p -> System.out.println(p.name() + " " + p.type()));
 * }</pre>
 */
public final class PageParser {
    /**
     * "Inherits from [x](x.md)" and its English variants ("This creates a subclass from [x](x.md)", a description that
     * opens "An [educationOutcome](educationoutcome.md) that gives a numerical grade", "Inherits from base class [x](x.md)");
     * the link may be reference-style ([x][]).
     */
    static final Pattern INHERITS_EN = Pattern.compile(
            "(?:\\b(?:[Ii]nherits|[Ii]nherited|[Dd]erives|[Dd]erived)\\s+from|\\b[Ss]ubclass\\s+(?:of|from)|^\\s*An?(?=\\s+\\[[^\\]]+\\]\\([^)]*\\)\\s+(?:that|which)\\b))"
                    + "\\s+(?:the\\s+)?(?:base\\s+(?:class|type)\\s+)?(?:\\*\\*)?\\[([^\\]]+)\\](?:\\(([^)\\s]+)[^)]*\\)|\\[([^\\]]*)\\])");
    /** The same on plain pages: the English phrase or a localized verb, then a link (its text may be translated). */
    static final Pattern INHERITS_ANY = Pattern.compile(
            "(?:\\b(?:[Ii]nherits|[Ii]nherited|[Dd]erives|[Dd]erived)\\s+from|Наследует|Наследуется|[Hh]erda|[Hh]erdad[oa]|[Hh]ereda|[Dd]erivad[oa])"
                    + "[^\\[.]{0,40}\\[([^\\]]+)\\](?:\\(([^)\\s]+)[^)]*\\)|\\[([^\\]]*)\\])");

    /**
     * False when the text cannot hold a base-type sentence: no link, or none of the words {@link #INHERITS_EN} (on sxs
     * pages) or {@link #INHERITS_ANY} look for. A cheap test before them; true does not mean they match.
     */
    static boolean mayNameBase(String text, boolean english) {
        if (text.indexOf('[') < 0) {
            return false;
        }
        if (text.contains("nherit") || text.contains("eriv")) {
            return true;
        }
        if (english) {
            return text.contains("ubclass") || text.stripLeading().startsWith("A");
        }
        return text.contains("Наслед") || text.contains("erda") || text.contains("ereda");
    }

    /** Marks a Methods table that lists methods of the type itself, of several types, or rows it cannot read. */
    static final BaseType MIXED = new BaseType("", null, 0);
    static final Pattern BLOCK_ODATA_TYPE = Pattern.compile("\"@odata\\.type\"\\s*:\\s*\"#?([A-Za-z0-9_.]+)\"");
    static final Pattern BLOCK_KEY = Pattern.compile("\"keyProperty\"\\s*:\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");
    static final Pattern BLOCK_OPEN_TYPE = Pattern.compile("\"openType\"\\s*:\\s*true\\b");
    static final Pattern BLOCK_BASE_TYPE = Pattern.compile("\"baseType\"\\s*:\\s*\"#?([A-Za-z0-9_.]+)\"");

    /** Pages larger than this are refused with a {@link PageReadException}; real pages are under 1 MiB. */
    public static final long MAX_PAGE_BYTES = 16L * 1024 * 1024;

    private PageParser() {
    }

    /** Reads and parses a page file. */
    public static PageModel parse(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            // Only regular files, and the limit enforced while reading (a FIFO hung, /dev/zero ran out of memory).
            bytes = RegularFile.read(file, MAX_PAGE_BYTES);
        } catch (RegularFile.TooLargeException e) {
            throw new PageReadException(name, 0, (e.size() >= 0 ? String.format(Locale.ROOT, "file is %.1f MB", e.size() / 1e6)
                    : "file is over " + MAX_PAGE_BYTES / (1024 * 1024) + " MB") + "; pages larger than "
                    + MAX_PAGE_BYTES / (1024 * 1024) + " MB are refused (a reference page is well under 1 MB)");
        } catch (RegularFile.NotRegularFileException e) {
            throw new PageReadException(name, 0, e.getMessage());
        } catch (NoSuchFileException e) {
            throw new PageReadException(name, 0, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new PageReadException(name, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw new PageReadException(name, 0, "cannot read: " + e.getMessage());
        }
        return parse(name, bytes);
    }

    /** Parses a page's content; {@code fileName} is used in the model and in messages. */
    public static PageModel parse(String fileName, byte[] content) {
        return new PageScan(fileName, decode(fileName, content)).run();
    }

    /**
     * Parses a page's content as {@link #parse(String, byte[])} does, and hands back the lines the model's line numbers
     * count too, so that a tool pointing into the page (a linter's columns) does not decode or split it again.
     */
    public static ParsedPage parseWithLines(String fileName, byte[] content) {
        SourceText text = decode(fileName, content);
        PageModel model = new PageScan(fileName, text).run();
        return new ParsedPage(model, Collections.unmodifiableList(Arrays.asList(text.lines)));
    }

    /**
     * A page's lines as the parser reads them ({@link ParsedPage#lines()}), without parsing it: for a tool that kept
     * the model and reads the page again for a line. A binary page (a NUL byte), which the parser refuses, has none.
     */
    public static List<String> lines(byte[] content) {
        return Collections.unmodifiableList(Arrays.asList(SourceText.decode("", content).lines));
    }

    private static SourceText decode(String fileName, byte[] content) {
        if (content.length > MAX_PAGE_BYTES) {
            throw new PageReadException(fileName, 0, String.format(Locale.ROOT,
                    "file is %.1f MB; pages larger than %d MB are refused", content.length / 1e6, MAX_PAGE_BYTES / (1024 * 1024)));
        }
        SourceText text = SourceText.decode(fileName, content);
        if (text.hasNul) {
            // Found in the decoded text (String.indexOf is vectorized); the byte offset is looked up only here.
            throw new PageReadException(fileName, 0, "binary file (NUL byte at offset " + indexOfNul(content) + "); expected a markdown page");
        }
        return text;
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    // ---- small helpers ----------------------------------------------------------------------------------------

    /** The line without up to three leading spaces, or null when it is blank. */
    static String stripIndent(String line) {
        int k = 0;
        while (k < line.length() && k < 4 && line.charAt(k) == ' ') {
            k++;
        }
        if (k == line.length()) {
            return null;
        }
        return k == 0 ? line : line.substring(Math.min(k, 3));
    }

    static int countRun(String s, char c) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == c) {
            k++;
        }
        return k;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    static String humanize(String anchor) {
        String s = anchor.replace('-', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
