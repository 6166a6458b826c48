package org.graphlint.testkit;

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
import org.graphlint.schema.Catalog;
import org.graphlint.schema.CatalogBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalog built by graphlint's own schema builder from hand-made pages of a 'widget' entity whose request body uses
 * every Graph type the type mapping knows (the vppToken samples use only a few): all integer widths, Single, Double,
 * Decimal, DateTimeOffset, Date, TimeOfDay, Duration, Guid, Binary, Json, Boolean, collections, an enum page, a
 * complex type page, a complex type inferred from an example, and a documented-values enum. Three versions: 2021 adds a
 * property and an enum member (non-breaking for senders); 2022 drops the 'level' property (breaking), so the
 * evolution property has a pair it must leave out.
 */
final class WidgetCatalog {
    static final String RB = "Request body";
    static final Catalog CATALOG = build();

    private WidgetCatalog() {
    }

    static PropertyRow row(String name, String type, boolean collection, String link, String description, String... values) {
        return new PropertyRow(name, name, NameSource.SXS, type, TypeSource.SXS, collection, link, description, List.of(values), RB, 1);
    }

    static PropertyRow prop(String name, String type) {
        return new PropertyRow(name, name, NameSource.SXS, type, TypeSource.SXS, false, null, "", List.of(), "Properties", 1);
    }

    static List<PropertyRow> rows(boolean v2) {
        return rows(v2, false);
    }

    static List<PropertyRow> rows(boolean v2, boolean v3) {
        List<PropertyRow> r = new ArrayList<>(List.of(
                row("name", "String", false, null, "The name. Required."),
                row("id", "String", false, null, "The key. Read-only."),
                row("count", "Int32", false, null, ""),
                row("big", "Int64", false, null, ""),
                row("small", "Int16", false, null, ""),
                row("octet", "Byte", false, null, ""),
                row("signed", "SByte", false, null, ""),
                row("ratio", "Double", false, null, ""),
                row("weight", "Single", false, null, ""),
                row("price", "Decimal", false, null, ""),
                row("createdDateTime", "DateTimeOffset", false, null, "When it was made."),
                row("startDate", "Date", false, null, ""),
                row("openAt", "TimeOfDay", false, null, ""),
                row("timeout", "Duration", false, null, ""),
                row("ownerId", "Guid", false, null, ""),
                row("blob", "Binary", false, null, ""),
                row("extra", "Json", false, null, ""),
                row("enabled", "Boolean", false, null, "Not nullable."),
                row("tags", "String", true, null, ""),
                row("scores", "Int32", true, null, ""),
                row("color", "widgetColor", false, "../resources/widgetcolor.md", ""),
                row("size", "widgetSize", false, "../resources/widgetsize.md", ""),
                row("parts", "widgetSize", true, "../resources/widgetsize.md", ""),
                row("shape", "widgetShape", false, null, ""),
                row("level", "widgetLevel", false, null, "", "low", "high")));
        if (v2) {
            r.add(row("label", "String", false, null, "Added in 2021."));
        }
        if (v3) {
            r.removeIf(x -> x.name().equals("level"));
        }
        return r;
    }

    static PageModel method(String date, List<PropertyRow> rows) {
        String body = "{\"name\":\"w\",\"shape\":{\"corners\":4,\"round\":false}}";
        Example req = new Example(Example.Kind.REQUEST, "POST", "https://graph.microsoft.com/beta/widgets", null, List.of(), body,
                JsonMapper.builder().build().readTree(body), 1, 2);
        return new PageModel("x.md", PageFormat.SXS, new LinkedHashMap<>(), "ru-RU", LocalDate.parse(date), "abcdef0123", null,
                new Title("Create widget", "Create widget"), PageKind.METHOD, List.of(new Operation("POST", "/widgets")), List.of(),
                rows, List.of(), List.of(req), List.of());
    }

    static PageModel type(PageKind kind, String title, String date, List<PropertyRow> rows, List<EnumMember> members) {
        return new PageModel("t.md", PageFormat.SXS, new LinkedHashMap<>(), "ru-RU", LocalDate.parse(date), "abcdef0123", null,
                new Title(title, title), kind, List.of(), List.of(), rows, members, List.of(), List.of());
    }

    static List<EnumMember> members(String... names) {
        List<EnumMember> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(new EnumMember(names[i], i, "", i + 1, NameSource.SXS));
        }
        return out;
    }

    private static Catalog build() {
        List<CatalogBuilder.Input> in = List.of(
                new CatalogBuilder.Input(method("2020-01-01", rows(false)), "beta/api/widget-create/2020-01-01_aaaaaaa.md"),
                new CatalogBuilder.Input(method("2021-01-01", rows(true)), "beta/api/widget-create/2021-01-01_bbbbbbb.md"),
                new CatalogBuilder.Input(method("2022-01-01", rows(true, true)), "beta/api/widget-create/2022-01-01_ccccccc.md"),
                new CatalogBuilder.Input(type(PageKind.ENUM, "widgetColor enum type", "2020-01-01", List.of(), members("red", "green")),
                        "beta/resources/widgetcolor/2020-01-01_c.md"),
                new CatalogBuilder.Input(type(PageKind.ENUM, "widgetColor enum type", "2021-01-01", List.of(),
                        members("red", "green", "purple")), "beta/resources/widgetcolor/2021-01-01_d.md"),
                new CatalogBuilder.Input(type(PageKind.COMPLEX_TYPE, "widgetSize resource type", "2020-01-01",
                        List.of(prop("width", "Int32"), prop("height", "Double"), prop("unit", "String")), List.of()),
                        "beta/resources/widgetsize/2020-01-01_e.md"));
        return CatalogBuilder.build(in).catalog();
    }
}
