package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line built for one subcommand behaves as the whole tree does for that subcommand. */
class CommandLineTest {

    @Test
    void aNamedSubcommandGetsOnlyItselfAndTheSameUsageAsInTheWholeTree() {
        CommandLine whole = GraphlintCommand.commandLine(new String[0]);
        assertEquals(List.of("parse", "validate", "schemas", "diff", "lint", "locales", "english", "convert", "export", "examples", "completion", "help"), List.copyOf(whole.getSubcommands().keySet()));
        for (String name : List.of("parse", "validate", "schemas", "diff", "lint", "locales", "english", "convert", "export", "examples", "completion")) {
            CommandLine one = GraphlintCommand.commandLine(new String[] {name, "x"});
            assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()));
            assertEquals(whole.getSubcommands().get(name).getUsageMessage(), one.getSubcommands().get(name).getUsageMessage(), name);
        }
    }

    @Test
    void helpAndTyposStillSeeEverySubcommand() {
        StringWriter typoOut = new StringWriter();
        StringWriter typoErr = new StringWriter();
        int typo = GraphlintCommand.execute(new String[] {"validat", "x.json"}, new PrintWriter(typoOut, true),
                new PrintWriter(typoErr, true));
        assertEquals(ExitCode.USAGE_OR_INPUT, typo);
        assertTrue(typoErr.toString().contains("Did you mean: graphlint validate"), typoErr.toString());
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = GraphlintCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            String all = out + "\n" + err;
            for (String name : List.of("parse", "validate", "schemas", "diff", "lint", "locales", "english", "convert", "export", "examples")) {
                assertTrue(all.contains(name), String.join(" ", args) + " -> " + all);
            }
            assertEquals(0, code, all);
        }
    }

    @Test
    void validateDeclaresItsOptionsAndRequiresAPath() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GraphlintCommand.execute(new String[] {"validate", "--help"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code);
        for (String s : List.of("--at, --doc-version=SELECTOR", "-V, --version", "--entity=NAME", "--operation=create|update|resource", "--catalog=DIR",
                "--format=text|json|junit|sarif|github", "--fail-on=error|warning", "--max-size=SIZE",
                "--color=auto|always|never", "PATH...", "Exit codes:", "2   usage error")) {
            assertTrue(out.toString().contains(s), s + " in\n" + out);
        }
        StringWriter err2 = new StringWriter();
        int missing = GraphlintCommand.execute(new String[] {"validate"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err2, true));
        assertEquals(ExitCode.USAGE_OR_INPUT, missing);
        assertTrue(err2.toString().startsWith("Missing required parameter: 'PATH'"), err2.toString());
    }

    @Test
    void everyCommandPrintsTheBuildsToolVersion() {
        String expected = "graphlint " + org.graphlint.validate.GraphlintVersion.get();
        assertTrue(expected.matches("graphlint \\d+\\.\\d+\\.\\d+.*"), expected);
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"validate", "--version"},
                new String[] {"validate", "-V"}, new String[] {"parse", "--version"}, new String[] {"diff", "-V"},
                new String[] {"schemas", "--version"}, new String[] {"schemas", "build", "--version"},
                new String[] {"schemas", "list", "-V"}, new String[] {"schemas", "show", "--version"})) {
            TestSupport.Result r = TestSupport.cli(args);
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(expected, r.out().strip(), String.join(" ", args));
        }
    }

    @Test
    void theDocVersionIsChosenWithDocVersionOrAt() {
        String fixture = TestSupport.payloads().resolve("vppToken/2021-03-23/create-duplicateLocationId-valid.http").toString();
        for (String flag : List.of("--doc-version", "--at")) {
            TestSupport.Result r = TestSupport.cli("validate", flag, "2020-04-14", fixture);
            assertEquals(1, r.exit(), flag + ": " + r.out() + r.err());
            assertTrue(r.out().contains("valid from version 2020-06-18"), r.out());
        }
    }

    /** Each command's summary in the command list is a whole sentence, not the first line of a wrapped paragraph. */
    @Test
    void everyCommandSummaryIsASentence() {
        CommandLine whole = GraphlintCommand.commandLine(new String[0]);
        List<CommandLine> all = new java.util.ArrayList<>(whole.getSubcommands().values());
        all.addAll(whole.getSubcommands().get("schemas").getSubcommands().values());
        for (CommandLine c : all) {
            String[] d = c.getCommandSpec().usageMessage().description();
            assertTrue(d.length > 0 && d[0].strip().endsWith("."), c.getCommandName() + ": " + String.join(" / ", d));
        }
    }
}
