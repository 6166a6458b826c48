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
        assertEquals(List.of("parse", "validate", "schemas", "diff", "lint", "locales", "english", "help"), List.copyOf(whole.getSubcommands().keySet()));
        for (String name : List.of("parse", "validate", "schemas", "diff", "lint", "locales", "english")) {
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
            for (String name : List.of("parse", "validate", "schemas", "diff", "lint", "locales", "english")) {
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
        for (String s : List.of("--version=SELECTOR", "--entity=NAME", "--operation=create|update|resource", "--catalog=DIR",
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
}
