package org.graphlint.parser;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import static org.graphlint.parser.PageParser.*;

/**
 * One page's scan (the state of one parse): front matter, paragraphs, metadata comments, code blocks and headings, read
 * line by line into a {@link PageModel}; its tables are read by {@link PageTables}.
 */
final class PageScan {
    final String file;
    final String[] lines;
    final List<Diagnostic> diags;
    final Map<String, String> frontMatter = new LinkedHashMap<>();
    final List<Operation> operations = new ArrayList<>();
    final List<Permission> permissions = new ArrayList<>();
    final List<RowDraft> rows = new ArrayList<>();
    final List<EnumMember> members = new ArrayList<>();
    final List<Example> examples = new ArrayList<>();
    String titleEnglish;
    String titleLocalized;
    boolean sawSpans;
    boolean hasMethodsSection;
    String h2Anchor = "";
    String h2Section = "";
    String h3Anchor = "";
    String h3Text = "";
    String pendingBlockType;
    /** The {@code @odata.type} the pending metadata comment of a response names. */
    String pendingBlockOdataType;
    /** Reference-style link definitions ({@code [audio]: audio.md}), label lower case to target. */
    final Map<String, String> linkRefs = new java.util.HashMap<>();
    BaseType baseType;
    BaseType blockBaseType;
    /** The one other type whose methods the Methods table lists (see {@link #methodRow}), or MIXED. */
    BaseType methodsOf;
    String declaredType;
    String declaredKey;
    boolean openType;

    final PageTables tables = new PageTables(this);

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
                i = tables.readTable(i);
            } else {
                if (!sawSpans && line.contains("<span class=\"sxs-lookup\">")) {
                    sawSpans = true;
                }
                readParagraphLine(t, i + 1);
                i++;
            }
        }
        PageFormat format = sawSpans ? PageFormat.SXS : PageFormat.PLAIN;
        tables.settleMembers();
        List<PropertyRow> properties = new NameRecovery(rows, examples, diags, format == PageFormat.SXS, linkRefs).resolve();
        if (baseType == null && blockBaseType == null && methodsOf != null && methodsOf.link() != null
                && !tables.ownSlug().equals(tables.slugName(methodsOf.link()))) {
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
        PageKind kind = PageKinds.of(frontMatter.getOrDefault("doc_type", ""), hasMethodsSection, !operations.isEmpty(),
                properties, !members.isEmpty());
        if (titleLocalized == null && frontMatter.containsKey("title")) {
            titleLocalized = frontMatter.get("title");
        }
        diags.sort(Comparator.comparingInt(Diagnostic::line));
        return new PageModel(file, format, frontMatter, frontMatter.get("ms.contentlocale"), lastHandoff(),
                frontMatter.get("ms.sourcegitcommit"), frontMatter.get("ms.openlocfilehash"),
                new Title(titleEnglish, titleLocalized), kind, operations, permissions, properties, members, examples, diags,
                baseType, declaredType, declaredKey, openType);
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
                openType = BLOCK_OPEN_TYPE.matcher(c).find();
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
    boolean requestSection() {
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

    /** Splits span HTML and reports irregular spans once per line. */
    Bilingual split(String s, int line) {
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
}
