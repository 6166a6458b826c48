package org.graphlint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graphlint.parser.PageFormat;
import org.graphlint.parser.PropertyRow;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code $defs} entries of linked types, built once and shared by every schema whose page resolves the type the
 * same way, instead of once per schema (a whole snapshot has about 10,000 entries of about 1,000 distinct ones).
 *
 * <p>An entry's object depends only on the linked page, its rows and how the index resolves the links below it for the
 * schema's page: the API version and locale (part of the key) and, where the index picks one of several candidate pages,
 * the page's date (each such pick is recorded and checked again before an entry is reused). What building the entry
 * did to the schema around it (its notes, the entries it asked for in turn, in order) is recorded too and replayed on
 * reuse, so a schema built from shared entries is the one built without them, byte for byte, notes included. An entry
 * that read the schema's own page (values inferred from its examples, a note naming it) is never shared, nor is
 * anything built for a plain page (whose enum values come from its own examples).
 *
 * <p>Shared objects must never be changed after they are built: {@link SchemaVersion#schema()} hands out copies.
 */
final class SharedDefs {

    /** The entry being built on this thread, if any: index picks and top-page reads are charged to it. */
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private final ConcurrentHashMap<Key, List<Entry>> entries = new ConcurrentHashMap<>();

    /** Called by {@link PageIndex} whenever it picks one page of several candidates (the choice may depend on the date). */
    static void picked(List<PageFacts> candidates, PageFacts chosen) {
        Frame f = CURRENT.get();
        if (f != null) {
            f.picks.add(new Pick(candidates, chosen));
        }
    }

    /** Marks the entry being built, if any, as depending on the schema's own page: it is not shared. */
    static void readsTopPage() {
        Frame f = CURRENT.get();
        if (f != null) {
            f.topDependent = true;
        }
    }

    /**
     * Marks the entry being built, if any, as relying on the schema's page having no example value for a property
     * ({@code name}): checked again before reuse. The note at {@code noteAt} names the schema's page: replayed with the
     * reusing schema's page.
     */
    static void readsNoTopValues(String name, int noteAt, String noteAfterFile) {
        Frame f = CURRENT.get();
        if (f != null) {
            f.noValues.add(name);
            f.topNotes.put(noteAt, noteAfterFile);
        }
    }

    /** The entry (of the schema being built) that is being built on this thread, or null. */
    static Frame current() {
        return CURRENT.get();
    }

    /** Whether entries may be shared for a schema of this page. */
    boolean shares(PageFacts top) {
        return top.page().format() != PageFormat.PLAIN;
    }

    /** A shared entry valid for the schema of {@code top} with these rows, or null. */
    Entry find(PageFacts top, PageFacts linked, List<PropertyRow> rows, String defName) {
        List<Entry> variants = entries.get(new Key(linked, defName, top.apiVersion(), top.page().locale()));
        if (variants == null) {
            return null;
        }
        for (Entry e : variants) {
            if (e.validFor(top, rows)) {
                return e;
            }
        }
        return null;
    }

    /** Keeps a built entry for reuse unless it depends on its schema's page. */
    void keep(PageFacts top, PageFacts linked, String defName, Frame f, ObjectNode def, List<PropertyRow> rows) {
        if (f.topDependent || f.namesTop(top.file())) {
            return;
        }
        entries.computeIfAbsent(new Key(linked, defName, top.apiVersion(), top.page().locale()), k -> new CopyOnWriteArrayList<>())
                .add(new Entry(def, List.copyOf(rows), List.copyOf(f.events), List.copyOf(f.picks), top.page().lastHandoff(),
                        List.copyOf(f.noValues)));
    }

    /** Starts recording the building of an entry on this thread. */
    static Frame begin(int notesAt) {
        Frame f = new Frame(CURRENT.get(), notesAt);
        CURRENT.set(f);
        return f;
    }

    /** Ends the recording {@link #begin} started (always, in a finally). */
    static void end(Frame f, List<String> notes) {
        f.flush(notes);
        CURRENT.set(f.parent);
    }

    /** What building one entry did: its notes and the entries it asked for, in order, and the index's picks. */
    static final class Frame {
        final Frame parent;
        final List<Object> events = new ArrayList<>();
        final List<Pick> picks = new ArrayList<>();
        /** Properties the schema's page has no example value for (the entry relies on it). */
        final List<String> noValues = new ArrayList<>();
        /** Notes naming the schema's page, by their place in the notes: what follows the page's file. */
        final java.util.Map<Integer, String> topNotes = new java.util.HashMap<>();
        boolean topDependent;
        private int notesAt;

        Frame(Frame parent, int notesAt) {
            this.parent = parent;
            this.notesAt = notesAt;
        }

        /** Records that the entry asks for another entry (after the notes it has added so far). */
        void child(PageFacts linked, List<PropertyRow> rows, String defName, List<String> notes) {
            flush(notes);
            events.add(new Child(linked, List.copyOf(rows), defName));
        }

        /** Notes added from here on after a child are the entry's own again. */
        void resume(List<String> notes) {
            notesAt = notes.size();
        }

        void flush(List<String> notes) {
            for (int i = notesAt; i < notes.size(); i++) {
                String after = topNotes.get(i);
                events.add(after != null ? new TopNote(after) : notes.get(i));
            }
            notesAt = notes.size();
        }

        boolean namesTop(String topFile) {
            for (Object e : events) {
                if (e instanceof String n && n.startsWith(topFile)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An entry asked for another: the linked page, its rows, the entry's name. */
    record Child(PageFacts linked, List<PropertyRow> rows, String defName) {
    }

    /** A note naming the schema's page: its file, then this. */
    record TopNote(String afterFile) {
    }

    /** One pick of the index: of these candidates, this page. */
    record Pick(List<PageFacts> candidates, PageFacts chosen) {
    }

    /** A shared entry: the object, the rows it was built from, what building it did, the picks it relied on. */
    static final class Entry {
        final ObjectNode def;
        final List<PropertyRow> rows;
        final List<Object> events;
        final List<Pick> picks;
        final java.time.LocalDate date;
        final List<String> noValues;

        Entry(ObjectNode def, List<PropertyRow> rows, List<Object> events, List<Pick> picks, java.time.LocalDate date,
                List<String> noValues) {
            this.def = def;
            this.rows = rows;
            this.events = events;
            this.picks = picks;
            this.date = date;
            this.noValues = noValues;
        }

        boolean validFor(PageFacts top, List<PropertyRow> rows) {
            if (!this.rows.equals(rows)) {
                return false;
            }
            for (String name : noValues) {
                if (!ValueSchemas.exampleValues(top, name).isEmpty()) {
                    return false;
                }
            }
            java.time.LocalDate d = top.page().lastHandoff();
            if (Objects.equals(d, date)) {
                return true;
            }
            Frame saved = CURRENT.get();
            CURRENT.remove(); // checking a pick is not a pick of the entry being built
            try {
                for (Pick p : picks) {
                    if (PageIndex.pickAt(p.candidates(), d, top.page().locale()) != p.chosen()) {
                        return false;
                    }
                }
                return true;
            } finally {
                CURRENT.set(saved);
            }
        }
    }

    /** Entries by linked page (identity), entry name, API version and locale. */
    private static final class Key {
        final PageFacts linked;
        final String defName;
        final String api;
        final String locale;

        Key(PageFacts linked, String defName, String api, String locale) {
            this.linked = linked;
            this.defName = defName;
            this.api = api;
            this.locale = locale;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.linked == linked && k.defName.equals(defName) && Objects.equals(k.api, api)
                    && Objects.equals(k.locale, locale);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(linked) * 31 + defName.hashCode()) * 31 + Objects.hashCode(api);
        }
    }
}
