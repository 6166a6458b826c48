package org.graphlint.convert;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.ValidateOptions;

/**
 * Library-level companion of {@code convert/bench/convert-vs-validate.sh}: in one JVM, alternating batches of
 * {@code PayloadValidator.validateFile} and {@code PayloadConverter.convertFile} over the same fixtures, timed by the
 * thread's CPU clock (robust on a shared machine), medians per fixture. Not a test (no test name): run with
 * {@code java -cp cli/target/graphlint.jar:convert/target/test-classes org.graphlint.convert.ConvertBench DIR [ROUNDS]}.
 */
public final class ConvertBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(files::add);
        }
        PayloadValidator v = PayloadValidator.embedded();
        PayloadConverter c = PayloadConverter.of(v);
        ConvertOptions to = ConvertOptions.to("2018-12-18");
        ValidateOptions latest = ValidateOptions.defaults();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] val = new long[rounds];
        long[] conv = new long[rounds];
        long sink = 0;
        for (int r = -2; r < rounds; r++) { // two warm-up rounds
            long t0 = mx.getCurrentThreadCpuTime();
            for (Path f : files) {
                FileReport rep = v.validateFile(f, latest);
                sink += rep.findings().size();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (Path f : files) {
                FileConversion fc = c.convertFile(f, to);
                sink += fc.text() == null ? 0 : fc.text().length();
            }
            long t2 = mx.getCurrentThreadCpuTime();
            if (r >= 0) {
                val[r] = t1 - t0;
                conv[r] = t2 - t1;
            }
        }
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratio[i] = (double) conv[i] / val[i];
        }
        Arrays.sort(val);
        Arrays.sort(conv);
        Arrays.sort(ratio);
        System.out.printf("%d fixtures, %d rounds (thread CPU, medians): validate %.1f us/fixture, convert %.1f us/fixture,"
                + " ratio %.2f (per-round ratios %.2f..%.2f) [%d]%n", files.size(), rounds,
                val[rounds / 2] / 1e3 / files.size(), conv[rounds / 2] / 1e3 / files.size(), ratio[rounds / 2],
                ratio[0], ratio[rounds - 1], sink % 7);
    }
}
