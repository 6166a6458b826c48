package org.graphlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.graphlint.export.RequestExamples;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.graphlint.parser.PageReadException;
import org.graphlint.parser.Text;
import org.graphlint.schema.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphlint examples}: the pages' request examples as .http fixtures. */
@Command(name = "examples", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Write each request example of the pages as a .http fixture.",
            "Fixtures are named PAGE.OPERATION.http, with Content-Length recomputed; files in DIR",
            "that graphlint did not write are never overwritten. Validate them with",
            "'graphlint validate --version DATE' (the page's ms.lasthandoff, in each first line)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error, a page that could not be read, or a file in DIR graphlint did not write"})
public final class ExamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the fixtures to.")
    Path out;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "A catalog folder, to name operations (default: the embedded catalog).")
    Path catalog;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Pages (*.md) or folders of them.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Catalog cat = catalog == null ? Catalog.embedded() : Catalog.load(catalog);
        int problems = 0;
        List<Path> pages = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                w.println(p + "  error  unreadable  no such file or folder");
                problems++;
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, 64)) {
                    s.filter(x -> x.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md")
                            && Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(pages::add);
                }
            } else if (!Files.isRegularFile(p)) {
                w.println(p + "  error  unreadable  not a regular file (a pipe, a device...); pages are files");
                problems++;
            } else {
                pages.add(p);
            }
        }
        Files.createDirectories(out);
        Set<String> used = new HashSet<>();
        int examples = 0;
        int written = 0;
        int unchanged = 0;
        int refused = 0;
        int notJson = 0;
        for (Path page : pages) {
            PageModel m;
            try {
                m = PageParser.parse(page);
            } catch (PageReadException e) {
                w.println(page + "  error  unreadable  " + Text.oneLine(e));
                problems++;
                continue;
            }
            for (RequestExamples.Fixture f : RequestExamples.of(m, RequestExamples.pageName(page), cat)) {
                examples++;
                notJson += f.jsonBody() ? 0 : 1;
                String name = f.fileName();
                for (int k = 2; !used.add(name); k++) {
                    name = f.fileName().replace(".http", "-p" + k + ".http"); // two pages with one name
                }
                Path target = out.resolve(name);
                try {
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        if (!ours(target)) {
                            w.println(target + "  error  exists  not written by graphlint examples; not overwritten");
                            refused++;
                            continue;
                        }
                        if (Files.readString(target).equals(f.content())) {
                            unchanged++;
                            continue;
                        }
                        SafeWrite.replace(target, f.content());
                    } else {
                        SafeWrite.create(target, f.content());
                    }
                    written++;
                } catch (FileAlreadyExistsException e) {
                    w.println(target + "  error  exists  appeared while writing; not overwritten");
                    refused++;
                } catch (IOException | RuntimeException e) {
                    w.println(target + "  error  unwritable  " + Text.oneLine(e));
                    problems++;
                }
            }
        }
        w.println(pages.size() + " page" + (pages.size() == 1 ? "" : "s") + ", " + examples + " request example"
                + (examples == 1 ? "" : "s") + ": " + written + " written, " + unchanged + " unchanged, " + refused
                + " refused (files graphlint did not write)" + (notJson > 0 ? "; " + notJson + " with a body that is not JSON" : "")
                + " -> " + out);
        w.flush();
        return problems + refused > 0 ? ExitCode.USAGE_OR_INPUT : ExitCode.OK;
    }

    /** True when the file is a regular file whose first line is graphlint's marker. */
    private static boolean ours(Path p) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(RequestExamples.MARKER.length());
            return new String(head, StandardCharsets.UTF_8).equals(RequestExamples.MARKER);
        } catch (IOException e) {
            return false;
        }
    }
}
