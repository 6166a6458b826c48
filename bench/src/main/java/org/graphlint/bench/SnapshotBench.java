package org.graphlint.bench;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One invocation = one whole snapshot, single-threaded, from bytes in memory.
 *
 * <ul>
 *   <li>{@link #extraction}: {@code PageParser.parse(name, bytes)} per page, the whole page model;</li>
 *   <li>{@link #flexmark}: the yardstick, a bare flexmark {@code Parser.parse} of the same pages with the tables and
 *       YAML front-matter extensions. It decodes the same bytes to a String first, as the extraction does.</li>
 * </ul>
 *
 * <p>Run it through {@link BenchMain} (scripts/parser-bench.sh), which interleaves the two and prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SnapshotBench {
    /** The snapshot folder (all {@code *.md} under it). */
    @Param("target/corpus/ru-RU")
    public String corpus;

    private Snapshot snapshot;
    private Parser flexmarkParser;

    @Setup(Level.Trial)
    public void load() {
        snapshot = Snapshot.load(Path.of(corpus));
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), YamlFrontMatterExtension.create()));
        flexmarkParser = Parser.builder(options).build();
    }

    @Benchmark
    public int extraction(Blackhole bh) {
        String[] names = snapshot.names;
        byte[][] pages = snapshot.pages;
        int refused = 0;
        for (int i = 0; i < pages.length; i++) {
            try {
                bh.consume(PageParser.parse(names[i], pages[i]));
            } catch (PageReadException e) {
                refused++;
                bh.consume(e);
            }
        }
        return refused;
    }

    @Benchmark
    public void flexmark(Blackhole bh) {
        byte[][] pages = snapshot.pages;
        for (int i = 0; i < pages.length; i++) {
            bh.consume(flexmarkParser.parse(new String(pages[i], StandardCharsets.UTF_8)));
        }
    }
}
