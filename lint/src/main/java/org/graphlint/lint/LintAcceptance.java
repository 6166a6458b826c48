package org.graphlint.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;

/**
 * The lint acceptance run over whole snapshots (run by {@code lint/acceptance.sh}, not by the unit tests): for each
 * tree, the time to parse every page and the time to lint every page (reading the bytes once, outside both; both on
 * every core), interleaved over several rounds in one process, medians side by side (wall and process CPU); then the
 * findings by rule.
 * Usage: {@code LintAcceptance [--rounds N] [--locale TAG=DIR]... [DIR...]}
 */
public final class LintAcceptance {
    private LintAcceptance() {
    }

    public static void main(String[] args) {
        int rounds = 3;
        List<LintInput> inputs = new ArrayList<>();
        List<String> trees = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--locale")) {
                String[] kv = args[++i].split("=", 2);
                inputs.addAll(LintInput.read(List.of(Path.of(kv[1])), kv[0]));
                trees.add(args[i]);
            } else {
                inputs.addAll(LintInput.read(List.of(Path.of(args[i])), null));
                trees.add(args[i]);
            }
        }
        inputs.replaceAll(LintInput::load); // read once, outside both timings
        System.out.printf(Locale.ROOT, "pages: %d in %s%n", inputs.size(), trees);
        Linter linter = Linter.builder().build();
        double[] parse = new double[rounds];
        double[] lint = new double[rounds];
        double[] parseCpu = new double[rounds];
        double[] lintCpu = new double[rounds];
        // process CPU (every thread, the collector's too): both sides use every core, as the parse command does
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        LintResult result = null;
        for (int r = 0; r < rounds; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            java.util.concurrent.atomic.AtomicInteger unread = new java.util.concurrent.atomic.AtomicInteger();
            java.util.stream.IntStream.range(0, inputs.size()).parallel().forEach(i -> {
                LintInput in = inputs.get(i);
                if (in.content() == null) {
                    unread.incrementAndGet();
                    return;
                }
                try {
                    PageParser.parse(in.file(), in.content());
                } catch (PageReadException e) {
                    unread.incrementAndGet();
                }
            });
            int bad = unread.get();
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            result = linter.lint(inputs);
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            parse[r] = (t1 - t0) / 1e9;
            lint[r] = (t2 - t1) / 1e9;
            parseCpu[r] = (c1 - c0) / 1e9;
            lintCpu[r] = (c2 - c1) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: wall parse %.2f s, lint %.2f s (%.2fx); process CPU parse %.2f s, lint %.2f s (%.2fx); unreadable %d%n",
                    r + 1, parse[r], lint[r], lint[r] / parse[r], parseCpu[r], lintCpu[r], lintCpu[r] / parseCpu[r], bad);
        }
        double p = median(parse);
        double l = median(lint);
        System.out.printf(Locale.ROOT, "median of %d rounds: parse %.2f s (%.0f pages/s), lint %.2f s (%.0f pages/s): lint/parse = %.2f (target <= 1.5)%n",
                rounds, p, inputs.size() / p, l, inputs.size() / l, l / p);
        System.out.printf(Locale.ROOT, "median process CPU: parse %.2f s, lint %.2f s: lint/parse = %.2f (CPU time is what a loaded machine distorts least)%n",
                median(parseCpu), median(lintCpu), median(lintCpu) / median(parseCpu));
        System.out.println("findings by rule:");
        for (Map.Entry<LintRule, Integer> e : result.byRule().entrySet()) {
            System.out.printf(Locale.ROOT, "  %6d  %-30s %s%n", e.getValue(), e.getKey().id(), e.getKey().defaultLevel().id());
        }
        System.out.println(result.summary());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
