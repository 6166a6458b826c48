package org.graphlint.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables of a page as {@link PageParser} reads them: methods, properties, enum members, permissions. */
final class PageTables {
    private final PageScan scan;

    PageTables(PageScan scan) {
        this.scan = scan;
    }

    int readTable(int start) {
        // A row whose text runs onto the next line (a line break inside a cell or a span) continues there: with a
        // leading-pipe table, a line that does not start with '|' belongs to the row before it.
        boolean piped = scan.lines[start].stripLeading().startsWith("|");
        int headerCells = Tables.cells(scan.lines[start]).size();
        List<String> rowText = new ArrayList<>();
        List<Integer> rowLine = new ArrayList<>();
        int j = start + 2;
        while (j < scan.lines.length && !scan.lines[j].isBlank() && !scan.lines[j].stripLeading().startsWith("#")) {
            String l = scan.lines[j];
            // a line without the leading '|' is the rest of the row before it, unless that row is complete and the
            // line is a whole row of its own ("toneInfo | [toneInfo](toneinfo.md) | ..." on call.md)
            boolean continues = piped && !rowText.isEmpty() && !l.stripLeading().startsWith("|")
                    && !(Tables.cells(rowText.get(rowText.size() - 1)).size() >= headerCells
                            && Tables.cells(l).size() >= headerCells);
            if (continues) {
                int last = rowText.size() - 1;
                rowText.set(last, rowText.get(last) + " " + l.strip());
                scan.diags.add(Diagnostic.info("table-row-continued", j + 1,
                        "this line does not start with '|' and was read as the rest of the table row on line " + rowLine.get(last)));
            } else if (l.indexOf('|') >= 0) {
                rowText.add(l);
                rowLine.add(j + 1);
            } else {
                break;
            }
            j++;
        }
        List<String> header = Tables.cells(scan.lines[start]);
        List<String> headerEnglish = new ArrayList<>(header.size());
        boolean englishHeader = false;
        for (String h : header) {
            Bilingual b = scan.split(h, start + 1);
            englishHeader |= b.paired();
            headerEnglish.add(InlineText.toText(b.english()).toLowerCase(Locale.ROOT));
        }
        String first = headerEnglish.isEmpty() ? "" : headerEnglish.get(0);
        int cols = header.size();
        TableKind kind = TableKind.of(first, headerEnglish.size() > 1 ? headerEnglish.get(1) : "", englishHeader, scan.h2Anchor,
                scan.h2Section, cols);
        for (int k = 0; k < rowText.size(); k++) {
            int r = rowLine.get(k) - 1;
            List<String> cells = Tables.cells(rowText.get(k));
            if (cells.size() < cols) {
                scan.diags.add(Diagnostic.warning("table-row-short", r + 1,
                        "table row has " + cells.size() + " of " + cols + " cells; the missing cells were read as empty"));
                while (cells.size() < cols) {
                    cells.add("");
                }
            } else if (cells.size() > cols) {
                scan.diags.add(Diagnostic.warning("table-row-long", r + 1,
                        "table row has " + cells.size() + " cells but the header has " + cols + "; the extra cells were ignored"));
            }
            if (kind == TableKind.OTHER && scan.methodsOf != PageParser.MIXED && ("methods".equals(scan.h2Anchor) || "Methods".equalsIgnoreCase(scan.h2Section))
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
                            scan.sawSpans |= c.contains("sxs-lookup");
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
    void methodRow(List<String> cells, int line) {
        String method = scan.split(cells.get(0), line).english();
        String ret = scan.split(cells.get(1), line).english();
        String methodLink = InlineText.firstLinkTarget(method);
        String retLink = InlineText.firstLinkTarget(ret);
        String retName = InlineText.firstLinkText(ret);
        String api = methodLink == null ? null : slugName(methodLink);
        String type = retLink == null ? null : slugName(retLink);
        // only the type's own get/update/delete, returning one of it: a function of the other type
        // ("[getRecentNotebooks](../api/notebook-getrecentnotebooks.md) | Collection of [notebook]") says nothing
        boolean crud = api != null && type != null && (api.equals(type + "-get") || api.equals(type + "-update")
                || api.equals(type + "-delete"));
        if (!crud || retName == null || !Identifiers.isGraphIdentifier(retName.strip()) || NameRecovery.hasCollectionWord(ret)
                || (scan.methodsOf != null && !scan.methodsOf.name().equals(retName.strip()))) {
            scan.methodsOf = PageParser.MIXED;
            return;
        }
        scan.methodsOf = new BaseType(retName.strip(), retLink, line);
    }

    /** The page's scan.file name without folder and {@code .md}, lower case. */
    String ownSlug() {
        String f = scan.file == null ? "" : scan.file.toString().replace('\\', '/').toLowerCase(Locale.ROOT);
        f = f.substring(f.lastIndexOf('/') + 1);
        return f.endsWith(".md") ? f.substring(0, f.length() - 3) : f;
    }

    static String slugName(String link) {
        String l = link.strip();
        int cut = l.indexOf('#');
        l = (cut >= 0 ? l.substring(0, cut) : l).toLowerCase(Locale.ROOT);
        if (!l.endsWith(".md")) {
            return null;
        }
        return l.substring(l.lastIndexOf('/') + 1, l.length() - 3);
    }

    void propertyRow(List<String> cells, int line) {
        Bilingual name = scan.split(cells.get(0), line);
        Bilingual type = cells.size() > 1 ? scan.split(cells.get(1), line) : Bilingual.same("");
        Bilingual desc = cells.size() > 2 ? scan.split(cells.get(2), line) : Bilingual.same("");
        String visibleName = InlineText.toText(name.localized());
        String englishName = InlineText.toText(name.english());
        if (englishName.endsWith(" (deprecated)")) {
            // "backupReviewers (deprecated)": the identifier is the first word; the mark is reported, not lost
            englishName = englishName.substring(0, englishName.length() - " (deprecated)".length()).strip();
            scan.diags.add(Diagnostic.info("deprecated-property", line, "property '" + englishName + "' is marked deprecated"));
        }
        if (visibleName.isEmpty() && englishName.isEmpty()) {
            scan.diags.add(Diagnostic.warning("property-name-empty", line, "property row has an empty name cell; the row was not read"));
            return;
        }
        scan.rows.add(new RowDraft(englishName, visibleName, name.paired(), type, desc, scan.h2Section, line));
        if (name.paired() && !Identifiers.isGraphIdentifier(englishName)) {
            scan.diags.add(Diagnostic.info("name-not-identifier", line, "English property name '" + Text.abbreviate(englishName) + "' is not an identifier"));
        }
    }

    void memberRow(List<String> cells, int line, int valueColumn) {
        Bilingual nameCell = scan.split(cells.get(0), line);
        String name = InlineText.toText(nameCell.english());
        // Member|Value|Description on enum pages; Member|Description where a resource page defines a property's values.
        // On plain pages the header is localized: a 3-column member table has its value second.
        int vc = valueColumn >= 0 ? valueColumn : (cells.size() >= 3 ? 1 : -1);
        int dc = vc == 1 ? 2 : 1;
        String value = vc >= 0 && vc < cells.size() ? InlineText.toText(scan.split(cells.get(vc), line).english()) : null;
        String desc = dc < cells.size() ? InlineText.toText(scan.split(cells.get(dc), line).english()) : "";
        Integer v = null;
        if (value != null) {
            try {
                v = Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                scan.diags.add(Diagnostic.warning("enum-value-not-integer", line, "enum member '" + name + "' has value '" + Text.abbreviate(value) + "', not an integer"));
            }
        }
        // On plain pages translation reaches member names too ("desconhecido" for unknown, "Business"): trust a
        // visible name only when it has the shape of a Graph member (ASCII, lower camel case) and its row was
        // not mangled (the value cell is still an integer).
        NameSource source = nameCell.paired() ? NameSource.SXS
                : Identifiers.isGraphIdentifier(name) && Character.isLowerCase(name.charAt(0)) && (v != null || value == null)
                        ? NameSource.VERBATIM : NameSource.UNRESOLVED;
        scan.members.add(new EnumMember(name, v, desc, line, source, memberGroup()));
    }

    /**
     * Plain enum scan.members: when translation visibly reached some scan.rows of the table, a one-word lower-case name in
     * another row ("nenhum") may be a translation too, so only camel-case names stay trusted. Every member left
     * unresolved gets a diagnostic.
     */
    void settleMembers() {
        boolean mangled = scan.members.stream().anyMatch(m -> m.nameSource() == NameSource.UNRESOLVED);
        for (int k = 0; k < scan.members.size(); k++) {
            EnumMember m = scan.members.get(k);
            if (mangled && m.nameSource() == NameSource.VERBATIM && !NameRecovery.isLowerCamel(m.name())) {
                m = new EnumMember(m.name(), m.value(), m.description(), m.line(), NameSource.UNRESOLVED, m.group());
                scan.members.set(k, m);
            }
            if (m.nameSource() == NameSource.UNRESOLVED) {
                scan.diags.add(Diagnostic.warning("member-name-unresolved", m.line(), "enum member '" + Text.abbreviate(m.name())
                        + "' may be a translation (not a lower-camel identifier, or its table shows translated scan.rows) and the page has no English for it; kept the visible text"));
            }
        }
    }

    /** The anchor of the nearest heading above, else its English text as an anchor ("chatType values"). */
    String memberGroup() {
        if (!scan.h3Anchor.isEmpty()) {
            return scan.h3Anchor.toLowerCase(Locale.ROOT);
        }
        if (!scan.h3Text.isEmpty()) {
            return scan.h3Text;
        }
        return scan.h2Anchor.toLowerCase(Locale.ROOT);
    }

    void permissionRow(List<String> cells, int line) {
        String type = InlineText.toText(scan.split(cells.get(0), line).english());
        String perms = cells.size() > 1 ? InlineText.toText(scan.split(cells.get(1), line).english()) : "";
        List<String> list = new ArrayList<>();
        for (String p : perms.split(",")) {
            if (!p.isBlank()) {
                list.add(p.strip());
            }
        }
        scan.permissions.add(new Permission(type, list));
    }
}
