package org.graphlint.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The service's CSDL as the truth check reads it: types, their properties, bases, members. A measuring stick only. */
final class Csdl {
    private Csdl() {
    }

    // ---- the CSDL ------------------------------------------------------------------------------------------------

    record Prop(String name, String type, boolean collection, boolean nullable) {
    }

    static final class Type {
        final String name;
        /** Namespace-qualified name: microsoft.graph.identity, microsoft.graph.externalConnectors.identity. */
        String qualified;
        final String kind; // entity, complex, enum
        String base;
        boolean isAbstract;
        boolean flags;
        final List<Prop> props = new ArrayList<>();
        final List<String> navs = new ArrayList<>();
        final List<String> members = new ArrayList<>();
        final List<String> derived = new ArrayList<>();

        Type(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    static String simple(String qualified) {
        int i = qualified.lastIndexOf('.');
        return i < 0 ? qualified : qualified.substring(i + 1);
    }

    /** A type reference, qualified: the alias graph. is microsoft.graph. */
    static String qualify(String ref) {
        return ref.startsWith("graph.") ? "microsoft." + ref : ref;
    }

    /**
     * Types by qualified name, and each type of the main namespace (and, where the main namespace has none of that
     * name, of a sub-namespace) also by its simple name.
     */
    static Type lookup(Map<String, Type> types, String ref) {
        if (ref == null) {
            return null;
        }
        Type t = types.get(qualify(ref));
        return t != null ? t : types.get(ref);
    }

    static Map<String, Type> readCsdl(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        Map<String, Type> types = new LinkedHashMap<>();
        NodeList schemas = d.getElementsByTagName("Schema");
        for (int si = 0; si < schemas.getLength(); si++) {
            Element schema = (Element) schemas.item(si);
            String ns = schema.getAttribute("Namespace");
            String alias = schema.getAttribute("Alias");
            for (String tag : List.of("EntityType", "ComplexType", "EnumType")) {
                NodeList list = schema.getElementsByTagName(tag);
                for (int i = 0; i < list.getLength(); i++) {
                    Element e = (Element) list.item(i);
                    String kind = tag.equals("EntityType") ? "entity" : tag.equals("ComplexType") ? "complex" : "enum";
                    Type t = new Type(e.getAttribute("Name"), kind);
                    t.qualified = ns + "." + t.name;
                    t.base = e.hasAttribute("BaseType") ? qualifyIn(e.getAttribute("BaseType"), ns, alias) : null;
                    t.isAbstract = "true".equals(e.getAttribute("Abstract"));
                    t.flags = "true".equals(e.getAttribute("IsFlags"));
                    NodeList ps = e.getChildNodes();
                    for (int k = 0; k < ps.getLength(); k++) {
                        if (!(ps.item(k) instanceof Element c)) {
                            continue;
                        }
                        switch (c.getTagName()) {
                            case "Property" -> {
                                String ty = c.getAttribute("Type");
                                boolean coll = ty.startsWith("Collection(");
                                if (coll) {
                                    ty = ty.substring(11, ty.length() - 1);
                                }
                                if (!ty.startsWith("Edm.")) {
                                    ty = qualifyIn(ty, ns, alias);
                                }
                                t.props.add(new Prop(c.getAttribute("Name"), ty, coll, !"false".equals(c.getAttribute("Nullable"))));
                            }
                            case "NavigationProperty" -> t.navs.add(c.getAttribute("Name"));
                            case "Member" -> t.members.add(c.getAttribute("Name"));
                            default -> {
                            }
                        }
                    }
                    types.put(t.qualified, t);
                }
            }
        }
        // simple names: the main namespace first
        Map<String, Type> simpleNames = new LinkedHashMap<>();
        for (Type t : types.values()) {
            if (t.qualified.equals("microsoft.graph." + t.name)) {
                simpleNames.put(t.name, t);
            }
        }
        for (Type t : types.values()) {
            simpleNames.putIfAbsent(t.name, t);
        }
        for (Type t : types.values()) {
            Type b = lookup(types, t.base);
            if (b != null) {
                b.derived.add(t.qualified);
            }
        }
        types.putAll(simpleNames);
        return types;
    }

    static String qualifyIn(String ref, String ns, String alias) {
        if (!alias.isEmpty() && ref.startsWith(alias + ".")) {
            return ns + ref.substring(alias.length());
        }
        return ref;
    }

    /** Structural properties with inherited ones, base first. */
    static List<Prop> allProps(Map<String, Type> types, Type t) {
        List<Type> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Type x = t; x != null && seen.add(x.name); x = lookup(types, x.base)) {
            chain.add(0, x);
        }
        List<Prop> out = new ArrayList<>();
        for (Type x : chain) {
            out.addAll(x.props);
        }
        return out;
    }

    static Set<String> allNavs(Map<String, Type> types, Type t) {
        Set<String> out = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Type x = t; x != null && seen.add(x.name); x = lookup(types, x.base)) {
            out.addAll(x.navs);
        }
        return out;
    }
}
