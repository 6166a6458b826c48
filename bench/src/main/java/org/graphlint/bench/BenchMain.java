package org.graphlint.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link SnapshotBench} and prints pages/s for the extraction and for bare flexmark, and the ratio of their
 * times (target: extraction at most 0.5 x flexmark).
 *
 * <p>The machine is shared, so the two benchmarks are run side by side in rounds, alternating which goes first, each
 * in its own fork; every round gives a ratio and the median ratio is the verdict. Exit code 0 when the target is met,
 * 1 when it is missed, 2 on bad arguments.
 *
 * <p>A flexmark pass over a snapshot takes about 20 s and an extraction pass under 2 s, so by default flexmark gets
 * 1 warm-up + 3 measured passes and the extraction 5 + 5 (it has more to warm up relative to its length); with 2
 * rounds the whole run takes about 4 minutes. {@code --warmup}/{@code --iterations} set both.
 *
 * <pre>
 * BenchMain [--corpus DIR] [--rounds N] [--warmup N] [--iterations N] [--quiet]
 * </pre>
 */
public final class BenchMain {
    static final double TARGET = 0.5;

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        String corpus = "target/corpus/ru-RU";
        int rounds = 2;
        int[] warmup = {5, 1};      // extraction, flexmark
        int[] iterations = {5, 3};
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = both(Integer.parseInt(args[++i]));
                case "--iterations" -> iterations = both(Integer.parseInt(args[++i]));
                case "--quiet" -> quiet = true;
                default -> {
                    System.err.println("usage: BenchMain [--corpus DIR] [--rounds N] [--warmup N] [--iterations N] [--quiet]");
                    System.exit(2);
                }
            }
        }
        Snapshot snap = Snapshot.load(Path.of(corpus));
        int pages = snap.names.length;
        System.out.printf(Locale.ROOT, "corpus: %s (%d pages, %.1f MB), single thread, %d round(s); warm-up + measured passes:"
                + " extraction %d + %d, flexmark %d + %d%n",
                corpus, pages, snap.bytes / 1e6, rounds, warmup[0], iterations[0], warmup[1], iterations[1]);
        snap = null;

        List<double[]> perRound = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            boolean extractionFirst = r % 2 == 0;
            double ext = 0;
            double flex = 0;
            for (int k = 0; k < 2; k++) {
                boolean doExt = (k == 0) == extractionFirst;
                int b = doExt ? 0 : 1;
                double ms = run(doExt ? "extraction" : "flexmark", corpus, warmup[b], iterations[b], quiet);
                if (doExt) {
                    ext = ms;
                } else {
                    flex = ms;
                }
            }
            perRound.add(new double[] {ext, flex});
            System.out.printf(Locale.ROOT, "round %d: extraction %.0f ms (%.0f pages/s), flexmark %.0f ms (%.0f pages/s), ratio %.3f%n",
                    r + 1, ext, pages * 1000 / ext, flex, pages * 1000 / flex, ext / flex);
        }
        double[] ratios = perRound.stream().mapToDouble(a -> a[0] / a[1]).sorted().toArray();
        double[] exts = perRound.stream().mapToDouble(a -> a[0]).sorted().toArray();
        double[] flexes = perRound.stream().mapToDouble(a -> a[1]).sorted().toArray();
        double ratio = median(ratios);
        System.out.println();
        System.out.printf(Locale.ROOT, "extraction (PageParser.parse):  %.0f pages/s  (median %.0f ms per snapshot)%n",
                pages * 1000 / median(exts), median(exts));
        System.out.printf(Locale.ROOT, "bare flexmark (tables + yaml):  %.0f pages/s  (median %.0f ms per snapshot)%n",
                pages * 1000 / median(flexes), median(flexes));
        System.out.printf(Locale.ROOT, "ratio extraction/flexmark time: %.3f (median of %d rounds; target <= %.2f): %s%n",
                ratio, rounds, TARGET, ratio <= TARGET ? "met" : "MISSED");
        System.exit(ratio <= TARGET ? 0 : 1);
    }

    /** One fork of one benchmark; the median single-shot time of its measured passes, in ms. */
    private static double run(String benchmark, String corpus, int warmup, int iterations, boolean quiet) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(SnapshotBench.class.getName() + "\\." + benchmark + "$")
                .param("corpus", corpus)
                .warmupIterations(warmup)
                .measurementIterations(iterations)
                .forks(1)
                .shouldFailOnError(true)
                .verbosity(quiet ? VerboseMode.SILENT : VerboseMode.NORMAL);
        RunResult result = new Runner(o.build()).runSingle();
        Statistics s = result.getPrimaryResult().getStatistics();
        return s.getPercentile(50);
    }

    private static int[] both(int n) {
        return new int[] {n, n};
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
