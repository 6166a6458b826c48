package org.graphlint.parser;

import java.util.Locale;
import java.util.Map;

/**
 * Localized words the plain pages use for Graph primitive types ("Строка" is String). Every entry was checked
 * against the sxs twin of a plain page in the corpus: the English span beside the same word.
 */
final class LocalizedTypes {
    record Match(String type, boolean collection) {
    }

    private static final Map<String, Match> WORDS = Map.ofEntries(
            Map.entry("строка", new Match("String", false)),
            Map.entry("строковый", new Match("String", false)),
            Map.entry("коллекция строк", new Match("String", true)),
            Map.entry("коллекция объектов string", new Match("String", true)),
            Map.entry("логическое", new Match("Boolean", false)),
            Map.entry("логический", new Match("Boolean", false)),
            Map.entry("логическое значение", new Match("Boolean", false)),
            Map.entry("целое число", new Match("Int32", false)),
            Map.entry("cadeia de caracteres", new Match("String", false)),
            Map.entry("coleção de cadeias de caracteres", new Match("String", true)),
            Map.entry("coleção de cadeia de caracteres", new Match("String", true)),
            Map.entry("booliano", new Match("Boolean", false)),
            Map.entry("booleano", new Match("Boolean", false)),
            Map.entry("inteiro", new Match("Int32", false)),
            Map.entry("cadena", new Match("String", false)),
            Map.entry("colección de cadenas", new Match("String", true)),
            Map.entry("entero", new Match("Int32", false)),
            Map.entry("文字列", new Match("String", false)),
            Map.entry("文字列コレクション", new Match("String", true)),
            Map.entry("ブール値", new Match("Boolean", false)),
            Map.entry("整数", new Match("Int32", false)));

    private LocalizedTypes() {
    }

    static Match lookup(String visible) {
        return WORDS.get(visible.strip().toLowerCase(Locale.ROOT));
    }
}
