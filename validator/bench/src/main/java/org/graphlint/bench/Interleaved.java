package org.graphlint.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The JMH comparison made robust to a shared machine: the library and bare networknt run in alternating batches in one
 * JVM, so load from other processes hits both alike; prints the median time per operation of each and their ratio.
 *
 * <pre>java -cp validator/bench/target/benchmarks.jar:cli/target/graphlint.jar org.graphlint.bench.Interleaved [ROUNDS]</pre>
 */
public final class Interleaved {
    private Interleaved() {
    }

    static volatile Object sink;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ValidateBench b = new ValidateBench();
        b.setup();
        compare("JsonNode in", rounds, b::bareNode, b::libraryNode);
        compare("JSON text in", rounds, b::bareText, b::libraryText);
        // An invalid body: the library's pre-check cannot prove it valid, so networknt runs and the findings are worded.
        compare("invalid node", rounds, b::bareInvalidNode, b::libraryInvalidNode);
    }

    static void compare(String what, int rounds, Supplier<Object> bare, Supplier<Object> library) {
        int batch = 500;
        for (int i = 0; i < 20_000; i++) { // warm-up, both paths
            sink = bare.get();
            sink = library.get();
        }
        double[] tb = new double[rounds];
        double[] tl = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            boolean bareFirst = (r & 1) == 0;
            for (int k = 0; k < 2; k++) {
                boolean doBare = (k == 0) == bareFirst;
                Supplier<Object> s = doBare ? bare : library;
                long t0 = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    sink = s.get();
                }
                double us = (System.nanoTime() - t0) / 1e3 / batch;
                if (doBare) {
                    tb[r] = us;
                } else {
                    tl[r] = us;
                }
            }
        }
        double mb = median(tb);
        double ml = median(tl);
        System.out.printf(Locale.ROOT, "%-13s bare networknt %.2f us/op, library %.2f us/op, library/bare = %.3f (target <= 1.1)%n",
                what, mb, ml, ml / mb);
    }

    static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
