package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./graphlint} launcher run the way users install it: symlinked onto a PATH folder (through a chain of
 * relative and absolute links), from an unrelated working folder, out of an install folder whose name has a space.
 *
 * <p>The launcher is the repository's own script, copied; the jar beside it is a manifest-only jar whose Class-Path
 * is this test's class path, so the test runs (and can fail) whether or not {@code mvn package} has built the real
 * shaded jar yet. It is skipped only where there is no bash.
 */
class LauncherTest {
    @TempDir
    static Path tmp;

    static Path install;
    static Path link;
    static Path work;

    @BeforeAll
    static void layOut() throws IOException {
        Assumptions.assumeTrue(bash() != null, "no bash on this machine: the launcher is a bash script");
        install = tmp.resolve("opt/graph lint");
        Files.createDirectories(install.resolve("cli/target"));
        Path script = install.resolve("graphlint");
        Files.copy(TestSupport.repoRoot().resolve("graphlint"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        writeClassPathJar(install.resolve("cli/target/graphlint.jar"));
        // ~/bin/graphlint -> ../lib/gl (relative) -> /…/opt/graph lint/graphlint (absolute)
        Files.createDirectories(tmp.resolve("home/bin"));
        Files.createDirectories(tmp.resolve("home/lib"));
        Files.createSymbolicLink(tmp.resolve("home/lib/gl"), script.toAbsolutePath());
        link = tmp.resolve("home/bin/graphlint");
        Files.createSymbolicLink(link, Path.of("../lib/gl"));
        work = Files.createDirectories(tmp.resolve("somewhere/else"));
    }

    private static String bash() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "bash"))) {
                return Path.of(dir, "bash").toString();
            }
        }
        return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : null;
    }

    /** A jar with no classes: Main-Class is the cli's, Class-Path is the test's class path as file URLs. */
    static void writeClassPathJar(Path jar) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, GraphlintCommand.class.getName());
        List<String> urls = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                urls.add(Path.of(e).toAbsolutePath().toUri().toString());
            }
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    private record Ran(int exit, String out, String err) {
    }

    private static Ran run(Path command, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("GRAPHLINT_NO_CDS", "1");
        env.remove("GRAPHLINT_JAVA_OPTS");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 120 s: " + cmd);
        }
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aSymlinkOnThePathRunsTheJarBesideTheRealScriptFromAnyFolder() throws Exception {
        Ran r = run(link, "--version");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(new GraphlintCommand.Version().getVersion()[0], r.out().strip(), r.err());
        assertFalse(r.err().contains("build"), "the launcher tried to build: " + r.err());
    }

    @Test
    void theLinkedLauncherValidatesAFixtureGivenByAbsolutePath() throws Exception {
        Path fixture = TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json");
        Ran r = run(link, "validate", fixture.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("all valid"), r.out());
    }
}
