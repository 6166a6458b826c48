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
        assertEquals(List.of("parse", "validate", "schemas", "diff", "help"), List.copyOf(whole.getSubcommands().keySet()));
        for (String name : List.of("parse", "validate", "schemas", "diff")) {
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
        assertTrue(typoErr.toString().contains("Did you mean: graphlint validate?"), typoErr.toString());
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = GraphlintCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            String all = out + "\n" + err;
            for (String name : List.of("parse", "validate", "schemas", "diff")) {
                assertTrue(all.contains(name), String.join(" ", args) + " -> " + all);
            }
            assertEquals(0, code, all);
        }
    }
}
