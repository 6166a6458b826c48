package org.graphlint.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.FileReport;
import org.graphlint.validate.Finding;
import org.graphlint.validate.GraphlintVersion;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Severity;
import org.graphlint.validate.ValidateOptions;
import org.graphlint.validate.report.ReportFile;
import org.graphlint.validate.report.Reporter;
import org.graphlint.validate.report.Run;

/**
 * {@code graphlint:validate}: checks the project's Graph request fixtures ({@code *.json} bodies, {@code *.http} and
 * {@code *.rest} requests) against a doc version, as {@code graphlint validate} does, and fails the build on findings
 * at or above {@code failOn}. Findings go to the build log; {@code formats} also writes report files (SARIF for code
 * scanning, JUnit XML for test dashboards) under {@code outputDirectory}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

    /** Folders (searched recursively) or files of fixtures. */
    @Parameter(property = "graphlint.fixtures", defaultValue = "${project.basedir}/src/test/graph")
    List<File> fixtures;

    /** Doc version: a version id, an ISO date (the newest version not after it), a source commit or {@code latest}. */
    @Parameter(property = "graphlint.docVersion", defaultValue = "latest")
    String docVersion;

    /** Entity of every JSON body without {@code @odata.type} (optional). */
    @Parameter(property = "graphlint.entity")
    String entity;

    /** Operation of every JSON body: create, update or resource (optional; else from the file name). */
    @Parameter(property = "graphlint.operation")
    String operation;

    /** A catalog folder written by {@code graphlint schemas build} (default: the catalog embedded in graphlint). */
    @Parameter(property = "graphlint.catalog")
    File catalog;

    /** Report files to write besides the log: any of text, json, junit, sarif, github. */
    @Parameter(property = "graphlint.formats")
    List<String> formats;

    /** Where report files go, as {@code graphlint.FORMAT-EXTENSION} (e.g. {@code graphlint.sarif}). */
    @Parameter(property = "graphlint.outputDirectory", defaultValue = "${project.build.directory}/graphlint")
    File outputDirectory;

    /** error, warning or none: the lowest severity that fails the build. */
    @Parameter(property = "graphlint.failOn", defaultValue = "error")
    String failOn;

    /** Largest fixture read, in bytes. */
    @Parameter(property = "graphlint.maxBytes", defaultValue = "16777216")
    long maxBytes;

    /** The project's folder: fixture names in the log and reports are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Skips the check. */
    @Parameter(property = "graphlint.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("graphlint: skipped");
            return;
        }
        Severity threshold = switch (failOn.toLowerCase(Locale.ROOT)) {
            case "error", "none" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new MojoExecutionException("graphlint: unknown failOn '" + failOn + "': use error, warning or none");
        };
        List<String> reportFormats = formats == null ? List.of() : formats;
        for (String f : reportFormats) {
            extension(f); // an unknown format is a configuration error before anything is read
        }
        ValidateOptions options;
        PayloadValidator validator;
        try {
            OperationKind op = operation == null || operation.isBlank() ? null : OperationKind.fromId(operation);
            options = new ValidateOptions(blankToNull(entity), op, docVersion, maxBytes);
            validator = catalog == null ? PayloadValidator.embedded() : PayloadValidator.load(catalog.toPath());
            if (options.entity() != null) {
                validator.target(options.entity(), op == null ? OperationKind.CREATE : op, docVersion);
            }
        } catch (RuntimeException e) {
            throw new MojoExecutionException("graphlint: " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        for (File f : fixtures == null ? List.<File>of() : fixtures) {
            Path p = f.toPath();
            if (!Files.exists(p)) {
                throw new MojoExecutionException("graphlint: fixtures " + p + ": no such file or folder");
            }
            try {
                collect(p, files, 0);
            } catch (IOException e) {
                throw new MojoExecutionException("graphlint: cannot list " + p + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new MojoExecutionException("graphlint: no *.json, *.http or *.rest fixtures in " + fixtures
                    + " (set <fixtures> or -Dgraphlint.skip)");
        }
        long start = System.nanoTime();
        Path base = basedir.toPath().toAbsolutePath();
        List<FileReport> reports = new ArrayList<>();
        for (Path f : files) {
            String name = f.toAbsolutePath().startsWith(base) ? base.relativize(f.toAbsolutePath()).toString() : f.toString();
            reports.add(validator.validateFile(f, name, options));
        }
        Run run = new Run(reports, threshold, (System.nanoTime() - start) / 1_000_000);
        for (FileReport r : reports) {
            for (Finding f : r.findings()) {
                String line = r.file() + (f.line() > 0 ? ":" + f.line() + ":" + f.column() : "") + " " + f.rule()
                        + (f.pointer() == null || f.pointer().isEmpty() ? "" : " " + f.pointer()) + " " + f.message();
                if (f.severity() == Severity.ERROR) {
                    getLog().error(line);
                } else {
                    getLog().warn(line);
                }
            }
        }
        getLog().info("graphlint " + GraphlintVersion.get() + ": " + run.summary());
        for (String f : reportFormats) {
            StringBuilder sb = new StringBuilder();
            Reporter.forFormat(f, false).write(run, sb);
            Path out = outputDirectory.toPath().resolve("graphlint." + extension(f));
            try {
                ReportFile.replace(out, ReportFile.marked(f, sb.toString()));
            } catch (IOException e) {
                throw new MojoExecutionException("graphlint: cannot write " + out + ": " + e.getMessage(), e);
            }
            getLog().info("graphlint: " + f + " report " + out);
        }
        int exit = run.exitCode();
        if (exit == 2) {
            throw new MojoFailureException("graphlint: a fixture could not be read or parsed (see the errors above)");
        }
        if (exit == 1 && !failOn.equalsIgnoreCase("none")) {
            throw new MojoFailureException("graphlint: " + run.summary());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String extension(String format) throws MojoExecutionException {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text", "github" -> format.toLowerCase(Locale.ROOT) + ".txt";
            case "json" -> "json";
            case "junit" -> "junit.xml";
            case "sarif" -> "sarif";
            default -> throw new MojoExecutionException("graphlint: unknown format '" + format
                    + "' in <formats>: use text, json, junit, sarif or github");
        };
    }

    /**
     * Fixtures under a folder, sorted; hidden folders are not listed, symbolic links to folders are followed (as the
     * command line), and a link back to a folder above fails the goal naming it.
     */
    static void collect(Path p, List<Path> out, int depth) throws IOException {
        collect(p, out, depth, new java.util.HashSet<>());
    }

    private static void collect(Path p, List<Path> out, int depth, java.util.Set<Object> above) throws IOException {
        if (!Files.isDirectory(p)) {
            out.add(p);
            return;
        }
        if (depth > 64) {
            throw new IOException("folders nested deeper than 64 levels");
        }
        Object key = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        if (key != null && !above.add(key)) {
            throw new IOException(p + ": a symbolic link back to a folder above it; name the folders to check instead");
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            ds.forEach(entries::add);
        }
        entries.sort(null);
        for (Path e : entries) {
            String n = e.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(e)) {
                if (!n.startsWith(".")) {
                    collect(e, out, depth + 1, above);
                }
            } else if (n.endsWith(".json") || n.endsWith(".http") || n.endsWith(".rest")) {
                out.add(e);
            }
        }
        if (key != null) {
            above.remove(key);
        }
    }
}
