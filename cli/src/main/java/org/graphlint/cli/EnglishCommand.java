package org.graphlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.graphlint.lint.English;
import org.graphlint.parser.PageParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphlint english PAGE}: an sxs page with every span pair replaced by its English text. */
@Command(name = "english", mixinStandardHelpOptions = true, versionProvider = GraphlintCommand.Version.class,
        description = {"Print a side-by-side (sxs) page with every span pair replaced by its English text.",
            "Headings, tables, prose and notes; parsing the output gives the same property rows, types and enums as",
            "the page."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:usage error or unreadable page"})
public final class EnglishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PAGE", description = "An sxs page (*.md).")
    Path page;

    @Override
    public Integer call() {
        String text;
        String err = null;
        if (!Files.exists(page)) {
            err = "no such file";
        } else if (!Files.isRegularFile(page)) {
            err = "not a regular file; give a page file";
        }
        byte[] bytes = null;
        if (err == null) {
            try (InputStream in = Files.newInputStream(page)) {
                bytes = in.readNBytes((int) PageParser.MAX_PAGE_BYTES + 1);
                if (bytes.length > PageParser.MAX_PAGE_BYTES) {
                    err = "larger than " + PageParser.MAX_PAGE_BYTES / (1024 * 1024) + " MB; not a reference page";
                }
            } catch (IOException e) {
                err = "cannot read: " + e.getMessage();
            }
        }
        if (err == null) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                spec.commandLine().getErr().println("graphlint: " + page + ": not valid UTF-8; save the page as UTF-8");
                return ExitCode.USAGE_OR_INPUT;
            }
        } else {
            spec.commandLine().getErr().println("graphlint: " + page + ": " + err);
            return ExitCode.USAGE_OR_INPUT;
        }
        English.Result r = English.of(text);
        spec.commandLine().getOut().print(r.text());
        spec.commandLine().getOut().flush();
        if (r.pairs() == 0) {
            spec.commandLine().getErr().println("graphlint: " + page + ": no span pairs (a plain page?): printed as it is");
        }
        return ExitCode.OK;
    }
}
