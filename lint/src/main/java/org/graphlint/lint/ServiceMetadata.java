package org.graphlint.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The types a service declares in its OData CSDL ({@code $metadata}): entity and complex types with their properties
 * (structural and navigation, base types included) and enum types with their members. Read with the JDK's StAX
 * reader, DTDs and external entities off.
 */
public final class ServiceMetadata {

    /** One declared type. */
    public record Type(String name, String kind, String baseType, List<String> members) {
    }

    private final Map<String, Type> byName;
    private final Map<String, Type> byLowerName;
    private final String source;

    private ServiceMetadata(Map<String, Type> byName, String source) {
        this.byName = byName;
        this.source = source;
        Map<String, Type> lower = new HashMap<>();
        byName.values().forEach(t -> lower.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t));
        this.byLowerName = lower;
    }

    /** Reads a CSDL file; a file that is not CSDL XML is a {@link LintException} naming the file and line. */
    public static ServiceMetadata read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LintException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file")
                    + " (--metadata wants a CSDL XML file, as $metadata returns it)");
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, Type> types = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            String current = null;
            String kind = null;
            String base = null;
            List<String> members = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String el = r.getLocalName();
                    switch (el) {
                        case "EntityType", "ComplexType", "EnumType" -> {
                            current = r.getAttributeValue(null, "Name");
                            kind = el;
                            base = r.getAttributeValue(null, "BaseType");
                            members = new ArrayList<>();
                        }
                        case "Property", "NavigationProperty", "Member" -> {
                            if (members != null && r.getAttributeValue(null, "Name") != null) {
                                members.add(r.getAttributeValue(null, "Name"));
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && current != null
                        && r.getLocalName().equals(kind)) {
                    types.putIfAbsent(current, new Type(current, kind, base == null ? null : simple(base), List.copyOf(members)));
                    current = null;
                    members = null;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new LintException(file + (line > 0 ? ":" + line : "") + ": not CSDL XML: "
                    + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new LintException(file + ": cannot read: " + e.getMessage());
        }
        if (types.isEmpty()) {
            throw new LintException(file + ": no EntityType, ComplexType or EnumType: is it a CSDL ($metadata) file?");
        }
        return new ServiceMetadata(types, file.toString());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }

    private static String simple(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    public String source() {
        return source;
    }

    /** The type of this name (exact, else ignoring case). */
    public Optional<Type> type(String name) {
        Type t = byName.get(name);
        if (t == null) {
            t = byLowerName.get(name.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(t);
    }

    /** Every property of an entity or complex type, its base types' first; the members of an enum type. */
    public Set<String> members(Type t) {
        Set<String> out = new LinkedHashSet<>();
        List<Type> chain = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Type x = t; x != null && seen.add(x.name()); x = x.baseType() == null ? null : byName.get(x.baseType())) {
            chain.add(0, x);
        }
        for (Type x : chain) {
            out.addAll(x.members());
        }
        return out;
    }
}
