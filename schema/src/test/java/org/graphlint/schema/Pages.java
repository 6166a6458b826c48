package org.graphlint.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.graphlint.parser.EnumMember;
import org.graphlint.parser.Example;
import org.graphlint.parser.NameSource;
import org.graphlint.parser.Operation;
import org.graphlint.parser.PageFormat;
import org.graphlint.parser.PageKind;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PropertyRow;
import org.graphlint.parser.Title;
import org.graphlint.parser.TypeSource;

/** Hand-built page models for builder tests. */
final class Pages {
    private Pages() {
    }

    static PropertyRow row(String section, String name, String type, String... enumValues) {
        return row(section, name, type, false, null, "", enumValues);
    }

    static PropertyRow row(String section, String name, String type, boolean collection, String link, String description,
            String... enumValues) {
        return new PropertyRow(name, name, NameSource.SXS, type, TypeSource.SXS, collection, link, description,
                List.of(enumValues), section, 1);
    }

    static PropertyRow unresolved(String section, String visible) {
        return new PropertyRow(visible, visible, NameSource.UNRESOLVED, "String", TypeSource.SXS, false, null, "",
                List.of(), section, 7);
    }

    static Example request(String method, String url, String body) {
        return new Example(Example.Kind.REQUEST, method, url, null, List.of(), body,
                body.isEmpty() ? null : Catalog.JSON.readTree(body), 1, 2);
    }

    static Example response(int status, String body) {
        return new Example(Example.Kind.RESPONSE, null, null, status, List.of(), body, Catalog.JSON.readTree(body), 1, 2);
    }

    static PageModel method(String title, String method, String path, String date, List<PropertyRow> rows,
            List<Example> examples) {
        return new PageModel("x.md", PageFormat.SXS, new LinkedHashMap<>(), "ru-RU", LocalDate.parse(date), "abcdef0123",
                null, new Title(title, title), PageKind.METHOD, List.of(new Operation(method, path)), List.of(), rows,
                List.of(), examples, List.of());
    }

    static PageModel type(PageKind kind, String title, String date, List<PropertyRow> rows, List<EnumMember> members) {
        return new PageModel("t.md", PageFormat.SXS, new LinkedHashMap<>(), "ru-RU", LocalDate.parse(date), "abcdef0123",
                null, new Title(title, title), kind, List.of(), List.of(), rows, members, List.of(), List.of());
    }

    static CatalogBuilder.Input in(PageModel m, String file) {
        return new CatalogBuilder.Input(m, file);
    }

    static List<EnumMember> members(String... names) {
        List<EnumMember> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(new EnumMember(names[i], i, "", i + 1));
        }
        return out;
    }
}
