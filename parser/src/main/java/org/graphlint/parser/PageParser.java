package org.graphlint.parser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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
    private static final Pattern INHERITS_EN = Pattern.compile(
            "(?:\\b(?:[Ii]nherits|[Ii]nherited|[Dd]erives|[Dd]erived)\\s+from|\\b[Ss]ubclass\\s+(?:of|from)|^\\s*An?(?=\\s+\\[[^\\]]+\\]\\([^)]*\\)\\s+(?:that|which)\\b))"
                    + "\\s+(?:the\\s+)?(?:base\\s+(?:class|type)\\s+)?(?:\\*\\*)?\\[([^\\]]+)\\](?:\\(([^)\\s]+)[^)]*\\)|\\[([^\\]]*)\\])");
    /** The same on plain pages: the English phrase or a localized verb, then a link (its text may be translated). */
    private static final Pattern INHERITS_ANY = Pattern.compile(
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
    private static final BaseType MIXED = new BaseType("", null, 0);
    private static final Pattern BLOCK_ODATA_TYPE = Pattern.compile("\"@odata\\.type\"\\s*:\\s*\"#?([A-Za-z0-9_.]+)\"");
    private static final Pattern BLOCK_KEY = Pattern.compile("\"keyProperty\"\\s*:\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");
    private static final Pattern BLOCK_BASE_TYPE = Pattern.compile("\"baseType\"\\s*:\\s*\"#?([A-Za-z0-9_.]+)\"");

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
        if (content.length > MAX_PAGE_BYTES) {
            throw new PageReadException(fileName, 0, String.format(Locale.ROOT,
                    "file is %.1f MB; pages larger than %d MB are refused", content.length / 1e6, MAX_PAGE_BYTES / (1024 * 1024)));
        }
        SourceText text = SourceText.decode(fileName, content);
        if (text.hasNul) {
            // Found in the decoded text (String.indexOf is vectorized); the byte offset is looked up only here.
            throw new PageReadException(fileName, 0, "binary file (NUL byte at offset " + indexOfNul(content) + "); expected a markdown page");
        }
        return new PageScan(fileName, text).run();
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The state of one parse. */
    private static final class PageScan {
        private final String file;
        private final String[] lines;
        private final List<Diagnostic> diags;
        private final Map<String, String> frontMatter = new LinkedHashMap<>();
        private final List<Operation> operations = new ArrayList<>();
        private final List<Permission> permissions = new ArrayList<>();
        private final List<RowDraft> rows = new ArrayList<>();
        private final List<EnumMember> members = new ArrayList<>();
        private final List<Example> examples = new ArrayList<>();
        private String titleEnglish;
        private String titleLocalized;
        private boolean sawSpans;
        private boolean hasMethodsSection;
        private String h2Anchor = "";
        private String h2Section = "";
        private String h3Anchor = "";
        private String h3Text = "";
        private String pendingBlockType;
        /** The {@code @odata.type} the pending metadata comment of a response names. */
        private String pendingBlockOdataType;
        /** Reference-style link definitions ({@code [audio]: audio.md}), label lower case to target. */
        private final Map<String, String> linkRefs = new java.util.HashMap<>();
        private BaseType baseType;
        private BaseType blockBaseType;
        /** The one other type whose methods the Methods table lists (see {@link #methodRow}), or MIXED. */
        private BaseType methodsOf;
        private String declaredType;
        private String declaredKey;

        PageScan(String file, SourceText text) {
            this.file = file;
            this.lines = text.lines;
            this.diags = new ArrayList<>(text.diagnostics);
        }

        PageModel run() {
            if (lines.length == 0 || (lines.length == 1 && lines[0].isBlank())) {
                diags.add(Diagnostic.error("empty-page", 0, "the file is empty"));
            }
            int i = readFrontMatter();
            int n = lines.length;
            while (i < n) {
                String line = lines[i];
                String t = stripIndent(line);
                if (t == null) {
                    i++;
                    continue;
                }
                if (t.startsWith("<!--")) {
                    i = readComment(i);
                } else if (t.startsWith("```") || t.startsWith("~~~")) {
                    i = readFence(i, t);
                } else if (t.startsWith("#")) {
                    readHeading(i, t);
                    i++;
                } else if (t.indexOf('|') >= 0 && i + 1 < n && Tables.isDelimiterRow(lines[i + 1])) {
                    i = readTable(i);
                } else {
                    if (!sawSpans && line.contains("<span class=\"sxs-lookup\">")) {
                        sawSpans = true;
                    }
                    readParagraphLine(t, i + 1);
                    i++;
                }
            }
            PageFormat format = sawSpans ? PageFormat.SXS : PageFormat.PLAIN;
            settleMembers();
            List<PropertyRow> properties = new NameRecovery(rows, examples, diags, format == PageFormat.SXS, linkRefs).resolve();
            if (baseType == null && blockBaseType == null && methodsOf != null && methodsOf.link() != null
                    && !ownSlug().equals(slugName(methodsOf.link()))) {
                baseType = methodsOf;
            }
            if (baseType == null && blockBaseType != null) {
                String b = blockBaseType.name();
                int dot = b.lastIndexOf('.');
                baseType = new BaseType(dot >= 0 ? b.substring(dot + 1) : b, null, blockBaseType.line());
            } else if (baseType != null && baseType.link() == null) {
                String target = linkRefs.get(baseType.name().toLowerCase(Locale.ROOT));
                baseType = new BaseType(baseType.name(), target, baseType.line());
            } else if (baseType != null && baseType.link().startsWith("[")) {
                String target = linkRefs.get(baseType.link().substring(1).toLowerCase(Locale.ROOT));
                baseType = new BaseType(baseType.name(), target, baseType.line());
            }
            PageKind kind = kindOf(properties);
            if (titleLocalized == null && frontMatter.containsKey("title")) {
                titleLocalized = frontMatter.get("title");
            }
            diags.sort(Comparator.comparingInt(Diagnostic::line));
            return new PageModel(file, format, frontMatter, frontMatter.get("ms.contentlocale"), lastHandoff(),
                    frontMatter.get("ms.sourcegitcommit"), frontMatter.get("ms.openlocfilehash"),
                    new Title(titleEnglish, titleLocalized), kind, operations, permissions, properties, members, examples, diags,
                    baseType, declaredType, declaredKey);
        }

        // ---- front matter -------------------------------------------------------------------------------------

        private int readFrontMatter() {
            if (lines.length == 0 || !lines[0].strip().equals("---")) {
                if (lines.length > 0 && !lines[0].isBlank()) {
                    diags.add(Diagnostic.warning("no-front-matter", 1, "the page has no YAML front matter (expected '---' on line 1)"));
                }
                return 0;
            }
            int end = -1;
            for (int i = 1; i < lines.length; i++) {
                String s = lines[i].strip();
                if (s.equals("---") || s.equals("...")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                diags.add(Diagnostic.error("front-matter-unclosed", 1, "the front matter opened on line 1 is never closed with '---'"));
                return 1;
            }
            String lastKey = null;
            for (int i = 1; i < end; i++) {
                String line = lines[i];
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                boolean continuation = Character.isWhitespace(line.charAt(0)) || line.startsWith("- ");
                if (continuation && lastKey != null) {
                    String prev = frontMatter.get(lastKey);
                    String add = unquote(line.strip());
                    frontMatter.put(lastKey, prev.isEmpty() ? add : prev + " " + add);
                } else if (colon > 0) {
                    lastKey = line.substring(0, colon).strip();
                    frontMatter.put(lastKey, unquote(line.substring(colon + 1).strip()));
                } else {
                    diags.add(Diagnostic.warning("front-matter-line", i + 1, "front matter line is not 'key: value': " + Text.abbreviate(line)));
                }
            }
            return end + 1;
        }

        private LocalDate lastHandoff() {
            String v = frontMatter.get("ms.lasthandoff");
            if (v == null) {
                return null;
            }
            String[] p = v.split("/");
            try {
                if (p.length == 3) {
                    return LocalDate.of(Integer.parseInt(p[2].strip()), Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
                }
                return LocalDate.parse(v);
            } catch (NumberFormatException | DateTimeException e) {
                diags.add(Diagnostic.warning("bad-lasthandoff", lineOfKey("ms.lasthandoff"),
                        "ms.lasthandoff '" + v + "' is not a date in MM/DD/YYYY form"));
                return null;
            }
        }

        private int lineOfKey(String key) {
            for (int i = 0; i < Math.min(lines.length, 200); i++) {
                if (lines[i].startsWith(key + ":")) {
                    return i + 1;
                }
            }
            return 0;
        }

        // ---- paragraphs ---------------------------------------------------------------------------------------

        /**
         * A line of running text: a reference-style link definition ({@code [audio]: audio.md}), or the sentence that
         * names the base type of a type page ("Inherits from [entity](entity.md).", in the English span on sxs pages).
         * Only the first such sentence counts ("The driveItem resource is derived from [baseItem][baseItem]" stands
         * after the table).
         */
        private void readParagraphLine(String t, int line) {
            if (t.charAt(0) == '[') {
                int close = t.indexOf("]:");
                if (close > 1) {
                    String target = t.substring(close + 2).strip();
                    int sp = target.indexOf(' ');
                    if (sp > 0) {
                        target = target.substring(0, sp);
                    }
                    if (!target.isEmpty()) {
                        linkRefs.putIfAbsent(InlineText.collapse(t.substring(1, close)).toLowerCase(Locale.ROOT), target);
                    }
                    return;
                }
            }
            if (baseType != null) {
                return;
            }
            boolean spans = t.indexOf("sxs-lookup") >= 0;
            String text;
            if (spans) {
                Bilingual b = SxsSpans.split(t);
                text = b.english();
            } else {
                text = t;
            }
            if (!mayNameBase(text, spans)) {
                return; // (most lines: the words looked for first, the regular expression is slow)
            }
            Matcher m = (spans ? INHERITS_EN : INHERITS_ANY).matcher(text);
            if (m.find()) {
                String name = InlineText.toText(m.group(1)).strip();
                String link = m.group(2) != null ? m.group(2) : m.group(3) != null ? "[" + (m.group(3).isBlank() ? m.group(1) : m.group(3)) : null;
                baseType = new BaseType(name, link, line);
            }
        }

        // ---- blocks -------------------------------------------------------------------------------------------

        private int readComment(int i) {
            StringBuilder text = new StringBuilder();
            int j = i;
            while (j < lines.length) {
                text.append(lines[j]).append('\n');
                if (lines[j].contains("-->")) {
                    break;
                }
                j++;
            }
            if (j >= lines.length) {
                diags.add(Diagnostic.warning("comment-unclosed", i + 1, "an HTML comment opened here is never closed; the rest of the page was read as text"));
                return i + 1;
            }
            String c = text.toString();
            int bt = c.indexOf("\"blockType\"");
            if (bt >= 0) {
                int q1 = c.indexOf('"', c.indexOf(':', bt) + 1);
                int q2 = q1 < 0 ? -1 : c.indexOf('"', q1 + 1);
                pendingBlockType = q2 > q1 ? c.substring(q1 + 1, q2) : null;
                Matcher dt = BLOCK_ODATA_TYPE.matcher(c);
                pendingBlockOdataType = "response".equals(pendingBlockType) && dt.find() ? dt.group(1) : null;
                if ("resource".equals(pendingBlockType) && declaredType == null) {
                    // the type's own metadata block: its @odata.type and base type, in English on every page
                    Matcher t = BLOCK_ODATA_TYPE.matcher(c);
                    if (t.find()) {
                        declaredType = t.group(1);
                    }
                    Matcher k = BLOCK_KEY.matcher(c);
                    if (k.find()) {
                        declaredKey = k.group(1);
                    }
                    Matcher b = BLOCK_BASE_TYPE.matcher(c);
                    if (b.find()) {
                        blockBaseType = new BaseType(b.group(1), null, i + 1);
                    }
                }
            }
            return j + 1;
        }

        private int readFence(int start, String opener) {
            char fc = opener.charAt(0);
            int len = 0;
            while (len < opener.length() && opener.charAt(len) == fc) {
                len++;
            }
            String info = opener.substring(len).strip().toLowerCase(Locale.ROOT);
            int j = start + 1;
            int closeAt = -1;
            while (j < lines.length) {
                String t = stripIndent(lines[j]);
                if (t != null && t.length() >= len && t.charAt(0) == fc && t.chars().limit(len).allMatch(c -> c == fc)
                        && t.substring(countRun(t, fc)).isBlank()) {
                    closeAt = j;
                    break;
                }
                j++;
            }
            int end = closeAt < 0 ? lines.length : closeAt;
            if (closeAt < 0) {
                diags.add(Diagnostic.error("fence-unclosed", start + 1, "a code block opened here is never closed; read to the end of the file"));
            }
            String blockType = pendingBlockType;
            String blockOdataType = pendingBlockOdataType;
            pendingBlockType = null;
            pendingBlockOdataType = null;
            onFence(info, start + 1, start + 1, end, blockType, blockOdataType);
            return end + 1;
        }

        private void onFence(String info, int fenceLine, int from, int to, String blockType, String blockOdataType) {
            boolean http = info.startsWith("http");
            boolean json = info.startsWith("json") || info.startsWith("javascript");
            if ((http || info.isEmpty()) && requestSection()) {
                for (int k = from; k < to; k++) {
                    String s = lines[k].strip();
                    int sp = s.indexOf(' ');
                    if (sp > 0 && Examples.isMethod(s.substring(0, sp))) {
                        operations.add(new Operation(s.substring(0, sp), s.substring(sp + 1).strip()));
                    }
                }
            } else if (http) {
                Example ex = Examples.read(lines, from, to, fenceLine, diags);
                if (ex != null && blockOdataType != null && ex.kind() == Example.Kind.RESPONSE) {
                    ex = ex.withDeclaredType(blockOdataType);
                }
                if (ex != null) {
                    examples.add(ex);
                }
            } else if (json && ("json-representation".equals(h2Anchor) || h2Section.equalsIgnoreCase("JSON representation"))) {
                Example ex = Examples.representation(lines, from, to, diags);
                if (ex != null) {
                    examples.add(ex);
                }
            }
        }

        /**
         * True inside the page's HTTP request section: "HTTP request", and its variants that say which request
         * ("HTTP request (to upload a new file)", anchor {@code http-request-to-upload-a-new-file}); also one level down
         * under a section naming the request ("## Create an upload session" / "### HTTP request", driveitem-* pages),
         * but not under an example, where "### HTTP request" heads the example's request.
         */
        private boolean requestSection() {
            String section = h2Section.toLowerCase(Locale.ROOT);
            if ("http-request".equals(h2Anchor) || h2Anchor.startsWith("http-request-")
                    || section.equals("http request") || section.startsWith("http request ")) {
                return true;
            }
            boolean example = h2Anchor.startsWith("example") || section.startsWith("example");
            return !example && ("http-request".equals(h3Anchor) || h3Anchor.startsWith("http-request-")
                    || h3Text.equals("http-request") || h3Text.startsWith("http-request-"));
        }

        private void readHeading(int i, String t) {
            int level = countRun(t, '#');
            if (level > 6 || (level < t.length() && t.charAt(level) != ' ' && t.charAt(level) != '\t')) {
                return;
            }
            String rest = t.substring(level).strip();
            String anchor = "";
            if (rest.startsWith("<a name=")) {
                int q1 = rest.indexOf('"');
                int q2 = q1 < 0 ? -1 : rest.indexOf('"', q1 + 1);
                if (q2 > q1) {
                    anchor = rest.substring(q1 + 1, q2);
                }
                int close = rest.indexOf("</a>");
                rest = close >= 0 ? rest.substring(close + 4).strip() : rest;
            }
            Bilingual b = split(rest, i + 1);
            String english = b.paired() ? InlineText.toText(b.english()) : null;
            String localized = InlineText.toText(b.localized());
            if (level == 1 && titleLocalized == null) {
                titleEnglish = english;
                titleLocalized = localized;
            } else if (level == 2) {
                h2Anchor = anchor;
                h2Section = english != null ? english : (anchor.isEmpty() ? localized : humanize(anchor));
                h3Anchor = "";
                h3Text = "";
                if ("methods".equals(anchor) || "Methods".equalsIgnoreCase(english)) {
                    hasMethodsSection = true;
                }
            } else if (level >= 3) {
                h3Anchor = anchor;
                h3Text = english == null ? "" : english.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            }
        }

        private int readTable(int start) {
            // A row whose text runs onto the next line (a line break inside a cell or a span) continues there: with a
            // leading-pipe table, a line that does not start with '|' belongs to the row before it.
            boolean piped = lines[start].stripLeading().startsWith("|");
            int headerCells = Tables.cells(lines[start]).size();
            List<String> rowText = new ArrayList<>();
            List<Integer> rowLine = new ArrayList<>();
            int j = start + 2;
            while (j < lines.length && !lines[j].isBlank() && !lines[j].stripLeading().startsWith("#")) {
                String l = lines[j];
                // a line without the leading '|' is the rest of the row before it, unless that row is complete and the
                // line is a whole row of its own ("toneInfo | [toneInfo](toneinfo.md) | ..." on call.md)
                boolean continues = piped && !rowText.isEmpty() && !l.stripLeading().startsWith("|")
                        && !(Tables.cells(rowText.get(rowText.size() - 1)).size() >= headerCells
                                && Tables.cells(l).size() >= headerCells);
                if (continues) {
                    int last = rowText.size() - 1;
                    rowText.set(last, rowText.get(last) + " " + l.strip());
                    diags.add(Diagnostic.info("table-row-continued", j + 1,
                            "this line does not start with '|' and was read as the rest of the table row on line " + rowLine.get(last)));
                } else if (l.indexOf('|') >= 0) {
                    rowText.add(l);
                    rowLine.add(j + 1);
                } else {
                    break;
                }
                j++;
            }
            List<String> header = Tables.cells(lines[start]);
            List<String> headerEnglish = new ArrayList<>(header.size());
            boolean englishHeader = false;
            for (String h : header) {
                Bilingual b = split(h, start + 1);
                englishHeader |= b.paired();
                headerEnglish.add(InlineText.toText(b.english()).toLowerCase(Locale.ROOT));
            }
            String first = headerEnglish.isEmpty() ? "" : headerEnglish.get(0);
            int cols = header.size();
            TableKind kind = TableKind.of(first, headerEnglish.size() > 1 ? headerEnglish.get(1) : "", englishHeader, h2Anchor,
                    h2Section, cols);
            for (int k = 0; k < rowText.size(); k++) {
                int r = rowLine.get(k) - 1;
                List<String> cells = Tables.cells(rowText.get(k));
                if (cells.size() < cols) {
                    diags.add(Diagnostic.warning("table-row-short", r + 1,
                            "table row has " + cells.size() + " of " + cols + " cells; the missing cells were read as empty"));
                    while (cells.size() < cols) {
                        cells.add("");
                    }
                } else if (cells.size() > cols) {
                    diags.add(Diagnostic.warning("table-row-long", r + 1,
                            "table row has " + cells.size() + " cells but the header has " + cols + "; the extra cells were ignored"));
                }
                if (kind == TableKind.OTHER && methodsOf != MIXED && ("methods".equals(h2Anchor) || "Methods".equalsIgnoreCase(h2Section))
                        && cells.size() >= 2) {
                    methodRow(cells, r + 1);
                }
                switch (kind) {
                    case PROPERTY -> propertyRow(cells, r + 1);
                    case MEMBER -> memberRow(cells, r + 1, headerEnglish.indexOf("value"));
                    case PERMISSION -> permissionRow(cells, r + 1);
                    case OTHER -> {
                        for (String c : cells) {
                            if (c.contains("<span")) {
                                sawSpans |= c.contains("sxs-lookup");
                                break;
                            }
                        }
                    }
                }
            }
            return j;
        }

        /**
         * A row of a type page's Methods table. When every method the page lists is another type's, documented on that
         * type's pages and returning it ("| [Update educationOutcome](../api/educationoutcome-update.md) |
         * [educationOutcome](educationoutcome.md) |" on educationFeedbackOutcome), the page documents a kind of that
         * type: it is the base where the page states none otherwise.
         */
        private void methodRow(List<String> cells, int line) {
            String method = split(cells.get(0), line).english();
            String ret = split(cells.get(1), line).english();
            String methodLink = InlineText.firstLinkTarget(method);
            String retLink = InlineText.firstLinkTarget(ret);
            String retName = InlineText.firstLinkText(ret);
            String api = methodLink == null ? null : slugName(methodLink);
            String type = retLink == null ? null : slugName(retLink);
            // only the type's own get/update/delete, returning one of it: a function of the other type
            // ("[getRecentNotebooks](../api/notebook-getrecentnotebooks.md) | Collection of [notebook]") says nothing
            boolean crud = api != null && type != null && (api.equals(type + "-get") || api.equals(type + "-update")
                    || api.equals(type + "-delete"));
            if (!crud || retName == null || !InlineText.isIdentifier(retName.strip()) || NameRecovery.hasCollectionWord(ret)
                    || (methodsOf != null && !methodsOf.name().equals(retName.strip()))) {
                methodsOf = MIXED;
                return;
            }
            methodsOf = new BaseType(retName.strip(), retLink, line);
        }

        /** The page's file name without folder and {@code .md}, lower case. */
        private String ownSlug() {
            String f = file == null ? "" : file.toString().replace('\\', '/').toLowerCase(Locale.ROOT);
            f = f.substring(f.lastIndexOf('/') + 1);
            return f.endsWith(".md") ? f.substring(0, f.length() - 3) : f;
        }

        private static String slugName(String link) {
            String l = link.strip();
            int cut = l.indexOf('#');
            l = (cut >= 0 ? l.substring(0, cut) : l).toLowerCase(Locale.ROOT);
            if (!l.endsWith(".md")) {
                return null;
            }
            return l.substring(l.lastIndexOf('/') + 1, l.length() - 3);
        }

        private void propertyRow(List<String> cells, int line) {
            Bilingual name = split(cells.get(0), line);
            Bilingual type = cells.size() > 1 ? split(cells.get(1), line) : Bilingual.same("");
            Bilingual desc = cells.size() > 2 ? split(cells.get(2), line) : Bilingual.same("");
            String visibleName = InlineText.toText(name.localized());
            String englishName = InlineText.toText(name.english());
            if (englishName.endsWith(" (deprecated)")) {
                // "backupReviewers (deprecated)": the identifier is the first word; the mark is reported, not lost
                englishName = englishName.substring(0, englishName.length() - " (deprecated)".length()).strip();
                diags.add(Diagnostic.info("deprecated-property", line, "property '" + englishName + "' is marked deprecated"));
            }
            if (visibleName.isEmpty() && englishName.isEmpty()) {
                diags.add(Diagnostic.warning("property-name-empty", line, "property row has an empty name cell; the row was not read"));
                return;
            }
            rows.add(new RowDraft(englishName, visibleName, name.paired(), type, desc, h2Section, line));
            if (name.paired() && !InlineText.isIdentifier(englishName)) {
                diags.add(Diagnostic.info("name-not-identifier", line, "English property name '" + Text.abbreviate(englishName) + "' is not an identifier"));
            }
        }

        private void memberRow(List<String> cells, int line, int valueColumn) {
            Bilingual nameCell = split(cells.get(0), line);
            String name = InlineText.toText(nameCell.english());
            // Member|Value|Description on enum pages; Member|Description where a resource page defines a property's values.
            // On plain pages the header is localized: a 3-column member table has its value second.
            int vc = valueColumn >= 0 ? valueColumn : (cells.size() >= 3 ? 1 : -1);
            int dc = vc == 1 ? 2 : 1;
            String value = vc >= 0 && vc < cells.size() ? InlineText.toText(split(cells.get(vc), line).english()) : null;
            String desc = dc < cells.size() ? InlineText.toText(split(cells.get(dc), line).english()) : "";
            Integer v = null;
            if (value != null) {
                try {
                    v = Integer.valueOf(value.strip());
                } catch (NumberFormatException e) {
                    diags.add(Diagnostic.warning("enum-value-not-integer", line, "enum member '" + name + "' has value '" + Text.abbreviate(value) + "', not an integer"));
                }
            }
            // On plain pages translation reaches member names too ("desconhecido" for unknown, "Business"): trust a
            // visible name only when it has the shape of a Graph member (ASCII, lower camel case) and its row was
            // not mangled (the value cell is still an integer).
            NameSource source = nameCell.paired() ? NameSource.SXS
                    : InlineText.isIdentifier(name) && Character.isLowerCase(name.charAt(0)) && (v != null || value == null)
                            ? NameSource.VERBATIM : NameSource.UNRESOLVED;
            members.add(new EnumMember(name, v, desc, line, source, memberGroup()));
        }

        /**
         * Plain enum members: when translation visibly reached some rows of the table, a one-word lower-case name in
         * another row ("nenhum") may be a translation too, so only camel-case names stay trusted. Every member left
         * unresolved gets a diagnostic.
         */
        private void settleMembers() {
            boolean mangled = members.stream().anyMatch(m -> m.nameSource() == NameSource.UNRESOLVED);
            for (int k = 0; k < members.size(); k++) {
                EnumMember m = members.get(k);
                if (mangled && m.nameSource() == NameSource.VERBATIM && !NameRecovery.isLowerCamel(m.name())) {
                    m = new EnumMember(m.name(), m.value(), m.description(), m.line(), NameSource.UNRESOLVED, m.group());
                    members.set(k, m);
                }
                if (m.nameSource() == NameSource.UNRESOLVED) {
                    diags.add(Diagnostic.warning("member-name-unresolved", m.line(), "enum member '" + Text.abbreviate(m.name())
                            + "' may be a translation (not a lower-camel identifier, or its table shows translated rows) and the page has no English for it; kept the visible text"));
                }
            }
        }

        /** The anchor of the nearest heading above, else its English text as an anchor ("chatType values"). */
        private String memberGroup() {
            if (!h3Anchor.isEmpty()) {
                return h3Anchor.toLowerCase(Locale.ROOT);
            }
            if (!h3Text.isEmpty()) {
                return h3Text;
            }
            return h2Anchor.toLowerCase(Locale.ROOT);
        }

        private void permissionRow(List<String> cells, int line) {
            String type = InlineText.toText(split(cells.get(0), line).english());
            String perms = cells.size() > 1 ? InlineText.toText(split(cells.get(1), line).english()) : "";
            List<String> list = new ArrayList<>();
            for (String p : perms.split(",")) {
                if (!p.isBlank()) {
                    list.add(p.strip());
                }
            }
            permissions.add(new Permission(type, list));
        }

        /** Splits span HTML and reports irregular spans once per line. */
        private Bilingual split(String s, int line) {
            Bilingual b = SxsSpans.split(s);
            if (b.paired()) {
                sawSpans = true;
            }
            if (b.broken()) {
                sawSpans |= s.contains("sxs-lookup");
                boolean already = !diags.isEmpty() && diags.get(diags.size() - 1).line() == line
                        && diags.get(diags.size() - 1).code().equals("broken-span");
                if (!already) {
                    diags.add(Diagnostic.warning("broken-span", line,
                            "irregular side-by-side span HTML (a span cut short or without its English twin); read leniently: " + Text.abbreviate(s)));
                }
            }
            return b;
        }

        /** The page's doc_type decides when present; without it, what the page contains. */
        private PageKind kindOf(List<PropertyRow> properties) {
            String docType = frontMatter.getOrDefault("doc_type", "");
            boolean hasKey = properties.stream().anyMatch(p -> p.name().equals("id"));
            PageKind typePage = hasMethodsSection || hasKey ? PageKind.RESOURCE : PageKind.COMPLEX_TYPE;
            if (docType.equalsIgnoreCase("apiPageType")) {
                return PageKind.METHOD;
            }
            if (docType.equalsIgnoreCase("enumPageType")) {
                return PageKind.ENUM;
            }
            if (docType.equalsIgnoreCase("resourcePageType")) {
                // resource pages may hold Member|Description tables that define a property's values
                return properties.isEmpty() && !members.isEmpty() ? PageKind.ENUM : typePage;
            }
            if (!operations.isEmpty()) {
                return PageKind.METHOD;
            }
            if (!properties.isEmpty()) {
                return typePage;
            }
            return members.isEmpty() ? PageKind.OTHER : PageKind.ENUM;
        }
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
