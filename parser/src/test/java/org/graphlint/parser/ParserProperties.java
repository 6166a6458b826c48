package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Parser robustness, property-based: real pages from {@code samples/pages}, mutated the way pages get broken, never
 * make the parser raise anything but {@link PageReadException}; and an sxs page and its span-stripped plain rendering
 * agree on every property name the plain reading recovers.
 *
 * <p>Tries come from {@code jqwik.tries.default} (200 in {@code junit-platform.properties}; the fuzz campaign raises
 * it); seeds are fixed, so a run is reproducible and a failure names its sample.
 */
class ParserProperties {

    /** A sample page: its path relative to {@code samples/} and its bytes. */
    record Sample(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Sample> SXS_PAGES = load(Samples.ROOT.resolve("pages"));
    static final List<Sample> ALL = java.util.stream.Stream.concat(SXS_PAGES.stream(), load(Samples.ROOT.resolve("plain-pages")).stream()).toList();
    static final List<Sample> SXS = SXS_PAGES.stream().filter(s -> new String(s.bytes(), StandardCharsets.UTF_8).contains("sxs-lookup")).toList();

    static List<Sample> load(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Sample> out = new ArrayList<>();
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                out.add(new Sample(Samples.ROOT.relativize(p).toString(), Files.readAllBytes(p)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- property 1: no exception but PageReadException

    @Property(seed = "20240501", shrinking = net.jqwik.api.ShrinkingMode.FULL)
    void mutatedPagesRaiseNothingButPageReadException(@ForAll("pages") Sample page, @ForAll("mutations") List<PageMutation> edits) {
        byte[] b = page.bytes();
        for (PageMutation m : edits) {
            b = m.apply(b);
        }
        PageModel model;
        try {
            model = PageParser.parse(page.name(), b);
        } catch (PageReadException e) {
            Statistics.label("outcome").collect("PageReadException");
            assertTrue(e.getMessage().startsWith(page.name()) && e.getMessage().indexOf('\n') < 0, e.getMessage());
            return;
        }
        Statistics.label("outcome").collect("parsed");
        edits.forEach(m -> Statistics.label("mutation").collect(m.getClass().getSimpleName()));
        // the model is whole: what the commands print is computable
        assertNotNull(model.properties());
        assertNotNull(PageModelJson.toJson(model));
        int lines = PageMutation.text(b).split("\r\n|\r|\n", -1).length;
        for (PropertyRow r : model.properties()) {
            assertTrue(r.line() >= 1 && r.line() <= lines, () -> "row line " + r.line() + " outside 1.." + lines);
        }
    }

    @Provide
    Arbitrary<Sample> pages() {
        return Arbitraries.of(ALL);
    }

    @Provide
    Arbitrary<List<PageMutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(4);
    }

    static Arbitrary<PageMutation> mutation() {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, 2_000_000);
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 400);
        Arbitrary<Boolean> flag = Arbitraries.of(false, true);
        return Arbitraries.oneOf(
                Combinators.combine(pos, small, small).as(PageMutation.CutSpan::new),
                Combinators.combine(pos, small).as(PageMutation.CutRange::new),
                Combinators.combine(pos, Arbitraries.integers().between(0, 5), flag).as(PageMutation.EditCell::new),
                Combinators.combine(pos, flag).as(PageMutation.SwapSpans::new),
                Combinators.combine(flag, pos, flag).as(PageMutation.Crlf::new),
                Combinators.combine(flag, pos).as(PageMutation.Bom::new),
                pos.map(PageMutation.Truncate::new),
                Combinators.combine(pos.list().ofMinSize(1).ofMaxSize(8), noiseByte().list().ofMinSize(1).ofMaxSize(8))
                        .as(PageMutation.Noise::new));
    }

    /** Any byte, with the ones that mean something to the parser (NUL, pipes, tags, line ends, fences) made likely. */
    static Arbitrary<Byte> noiseByte() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of((byte) 0, (byte) '|', (byte) '<', (byte) '>', (byte) '\n', (byte) '\r',
                        (byte) '`', (byte) '#', (byte) '-', (byte) '"', (byte) 0xC3, (byte) 0xEF)));
    }

    // ---------------------------------------------------------------- property 2: sxs and its plain rendering agree

    @Property(seed = "20240502")
    void sxsPageAndItsPlainRenderingAgreeOnRecoveredNames(@ForAll("sxsPages") Sample page, @ForAll("lineEnds") PageMutation ends) {
        byte[] sxsBytes = ends.apply(page.bytes());
        PageModel sxs = PageParser.parse(page.name(), sxsBytes);
        String plainText = PlainRendering.stripSpans(PageMutation.text(sxsBytes));
        PageModel plain = PageParser.parse(page.name() + " (plain)", plainText.getBytes(StandardCharsets.UTF_8));
        assertEquals(PageFormat.SXS, sxs.format());
        assertEquals(PageFormat.PLAIN, plain.format(), "the rendering still has spans");
        assertEquals(sxs.properties().size(), plain.properties().size(), "property rows");
        for (int i = 0; i < sxs.properties().size(); i++) {
            PropertyRow s = sxs.properties().get(i);
            PropertyRow p = plain.properties().get(i);
            if (s.nameSource().recovered() && p.nameSource().recovered()) {
                Statistics.label("rows").collect("compared");
                assertEquals(s.name(), p.name(), () -> "row at line " + p.line() + " (" + p.nameSource().id() + ", visible '"
                        + p.localizedName() + "')");
            } else {
                Statistics.label("rows").collect("unresolved in plain");
            }
        }
    }

    @Provide
    Arbitrary<Sample> sxsPages() {
        return Arbitraries.of(SXS);
    }

    /** Line-end and BOM edits that keep a page's content: the twins must agree whatever the file's line ends. */
    @Provide
    Arbitrary<PageMutation> lineEnds() {
        return Arbitraries.of(new PageMutation.Unchanged(), new PageMutation.Crlf(true, 0, false),
                new PageMutation.Crlf(true, 0, true), new PageMutation.Bom(true, 0));
    }
}
