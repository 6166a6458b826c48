package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {

    @Test
    void theScriptKnowsEveryCommandAndOption() {
        TestSupport.Result r = TestSupport.cli("completion", "bash");
        assertEquals(0, r.exit(), r.err());
        for (String s : List.of("validate", "schemas", "diff", "parse", "--doc-version", "--report", "--fail-on", "complete -F")) {
            assertTrue(r.out().contains(s), s);
        }
        assertEquals(r.out(), TestSupport.cli("completion", "zsh").out());
        TestSupport.Result fish = TestSupport.cli("completion", "fish");
        assertEquals(2, fish.exit());
        assertTrue(fish.err().contains("use bash or zsh"), fish.err());
    }

    /** Sourced into a real bash, the script completes a subcommand and a validate option. */
    @Test
    void bashCompletesWithIt(@TempDir Path tmp) throws Exception {
        Path bash = Path.of("/bin/bash");
        Assumptions.assumeTrue(Files.isExecutable(bash), "no /bin/bash");
        Path script = tmp.resolve("graphlint.bash");
        Files.writeString(script, TestSupport.cli("completion", "bash").out());
        String probe = "source '" + script + "'\n"
                + "COMP_WORDS=(graphlint val); COMP_CWORD=1; COMP_LINE='graphlint val'; COMP_POINT=13; _complete_graphlint; echo \"1:${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(graphlint validate --doc-v); COMP_CWORD=2; COMP_LINE='graphlint validate --doc-v'; COMP_POINT=26;"
                + " _complete_graphlint; echo \"2:${COMPREPLY[*]}\"\n";
        Process p = new ProcessBuilder(bash.toString(), "-c", probe).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(out.contains("1:validate"), out);
        assertTrue(out.contains("2:--doc-version"), out);
    }
}
