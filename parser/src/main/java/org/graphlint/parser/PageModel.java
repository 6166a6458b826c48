package org.graphlint.parser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything graphlint reads from one localized reference page.
 *
 * @param file            the path as given to the parser
 * @param format          sxs or plain
 * @param frontMatter     every front-matter field, in file order, values unquoted
 * @param locale          {@code ms.contentlocale} ({@code ru-RU}), or null
 * @param lastHandoff     {@code ms.lasthandoff} as a date, or null when missing or unreadable (a diagnostic says so)
 * @param sourceCommit    {@code ms.sourcegitcommit}, or null
 * @param openLocFileHash {@code ms.openlocfilehash}, or null: pairs a plain page with its sxs twin
 * @param title           English and localized title
 * @param kind            what the page documents
 * @param operations      every operation of the HTTP request block, in order (may be empty)
 * @param permissions     the permissions table, in English
 * @param properties      every property table row, in order
 * @param enumMembers     enum members (enum pages)
 * @param examples        request and response examples, in order
 * @param diagnostics     what the parser noticed, in line order
 * @param baseType        the type a type page says it inherits from, or null
 * @param declaredType    the {@code @odata.type} a type page's resource metadata block declares
 *                        ({@code <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.baseItem" } -->}), as
 *                        written, or null
 * @param declaredKey     the {@code keyProperty} the same block declares ({@code id}), or null
 * @param openType        whether the same block declares the type open ({@code "openType": true}: the service accepts
 *                        properties beyond the documented ones, e.g. an open extension's custom data)
 */
public record PageModel(
        String file,
        PageFormat format,
        Map<String, String> frontMatter,
        String locale,
        LocalDate lastHandoff,
        String sourceCommit,
        String openLocFileHash,
        Title title,
        PageKind kind,
        List<Operation> operations,
        List<Permission> permissions,
        List<PropertyRow> properties,
        List<EnumMember> enumMembers,
        List<Example> examples,
        List<Diagnostic> diagnostics,
        BaseType baseType,
        String declaredType,
        String declaredKey,
        boolean openType) {

    /** A page without a base type (test pages, method pages). */
    public PageModel(String file, PageFormat format, Map<String, String> frontMatter, String locale, LocalDate lastHandoff,
            String sourceCommit, String openLocFileHash, Title title, PageKind kind, List<Operation> operations,
            List<Permission> permissions, List<PropertyRow> properties, List<EnumMember> enumMembers,
            List<Example> examples, List<Diagnostic> diagnostics) {
        this(file, format, frontMatter, locale, lastHandoff, sourceCommit, openLocFileHash, title, kind, operations,
                permissions, properties, enumMembers, examples, diagnostics, null, null, null, false);
    }

    public PageModel {
        frontMatter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontMatter));
        operations = List.copyOf(operations);
        permissions = List.copyOf(permissions);
        properties = List.copyOf(properties);
        enumMembers = List.copyOf(enumMembers);
        examples = List.copyOf(examples);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The page's first documented operation, or null (pages without an HTTP request block). */
    public Operation operation() {
        return operations.isEmpty() ? null : operations.get(0);
    }

    /** Properties of the table(s) under the given English section heading (case-insensitive). */
    public List<PropertyRow> propertiesIn(String section) {
        return properties.stream().filter(p -> section.equalsIgnoreCase(p.section())).toList();
    }

    /** The rows that describe the page's own type: its Properties table, else its first table unless that is Relationships. */
    public List<PropertyRow> typeRows() {
        return typeRows(properties);
    }

    static List<PropertyRow> typeRows(List<PropertyRow> properties) {
        List<PropertyRow> rows = properties.stream().filter(p -> "Properties".equalsIgnoreCase(p.section())).toList();
        if (!rows.isEmpty() || properties.isEmpty()) {
            return rows;
        }
        String first = properties.get(0).section();
        if ("Relationships".equalsIgnoreCase(first)) {
            return List.of();
        }
        return properties.stream().filter(p -> java.util.Objects.equals(first, p.section())).toList();
    }
}
