package org.graphlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The README's "Use in CI" snippets are the files that run: the workflow is ci-examples/github-actions.yml and uses
 * only inputs action.yml declares, whose validate step is run here with bash; the pre-commit snippet names a hook of
 * .pre-commit-hooks.yaml whose entry and args validate a fixture; the Maven snippet is the plugin block the invoker
 * run builds (maven-plugin/src/it/valid-fixtures).
 */
class CiSnippetsTest {
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final Path ROOT = TestSupport.repoRoot();

    /** The fenced blocks of the README's "Use in CI" section, in order. */
    static List<String> snippets(String lang) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Use in CI");
        assertTrue(start >= 0, "README has a Use in CI section");
        int end = readme.indexOf("\n## ", start + 5);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theWorkflowSnippetIsTheExampleFileAndUsesOnlyDeclaredInputs() throws Exception {
        String workflow = snippets("yaml").get(0);
        String example = Files.readString(ROOT.resolve("ci-examples/github-actions.yml"));
        assertEquals(example.replaceFirst("^#[^\n]*\n", ""), workflow);
        JsonNode action = YAML.readTree(Files.readString(ROOT.resolve("action.yml")));
        JsonNode inputs = action.path("inputs");
        JsonNode step = YAML.readTree(workflow).path("jobs").path("fixtures").path("steps").get(1);
        assertTrue(step.path("uses").asString().startsWith("graphlint/graphlint@"), step.toString());
        for (String k : step.path("with").propertyNames()) {
            assertTrue(inputs.has(k), "action.yml declares input " + k);
        }
        for (String k : inputs.propertyNames()) {
            if (inputs.path(k).path("required").asBoolean(false)) {
                assertTrue(step.path("with").has(k), "the example gives required input " + k);
            }
        }
        assertEquals("composite", action.path("runs").path("using").asString());
    }

    /** The action's validate step, run by bash as the runner would, against a fixture with a finding. */
    @Test
    void theActionsValidateStepWritesSarifAndKeepsTheExitCode(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash");
        JsonNode action = YAML.readTree(Files.readString(ROOT.resolve("action.yml")));
        JsonNode validate = null;
        for (JsonNode s : action.path("runs").path("steps")) {
            if ("validate".equals(s.path("id").asString())) {
                validate = s;
            }
        }
        assertTrue(validate != null, "action.yml has a step with id validate");
        // the action's folder: the real launcher beside a jar of this test's class path (see LauncherTest)
        Path actionPath = Files.createDirectories(tmp.resolve("action"));
        Files.createDirectories(actionPath.resolve("cli/target"));
        Files.copy(ROOT.resolve("graphlint"), actionPath.resolve("graphlint"));
        Files.setPosixFilePermissions(actionPath.resolve("graphlint"), PosixFilePermissions.fromString("rwxr-xr-x"));
        LauncherTest.writeClassPathJar(actionPath.resolve("cli/target/graphlint.jar"));
        Path work = Files.createDirectories(tmp.resolve("workspace/src/test/graph"));
        Files.copy(TestSupport.payloads().resolve("vppToken/2021-03-23/create-unknown-property.json"),
                work.resolve("create-token.json"));
        Path output = tmp.resolve("github_output");
        Files.writeString(output, "");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-e", "-c", validate.path("run").asString())
                .directory(tmp.resolve("workspace").toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("GRAPHLINT_NO_CDS", "1");
        env.put("GITHUB_ACTION_PATH", actionPath.toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GRAPHLINT_PATHS", "src/test/graph");
        env.put("GRAPHLINT_DOC_VERSION", "2021-06-01");
        env.put("GRAPHLINT_FAIL_ON", "");
        env.put("GRAPHLINT_CONFIG", "");
        env.put("GRAPHLINT_SARIF", "graphlint.sarif");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the step itself succeeds; the exit code goes to the output: " + out);
        assertEquals("exit-code=1", Files.readString(output).strip());
        assertTrue(out.contains("::error file=src/test/graph/create-token.json,line=3"), out);
        JsonNode sarif = YAML.readTree(Files.readString(tmp.resolve("workspace/graphlint.sarif")));
        assertEquals("additionalProperties", sarif.path("runs").get(0).path("results").get(0).path("ruleId").asString());
    }

    @Test
    void thePreCommitSnippetRunsTheHooksEntry(@TempDir Path tmp) throws Exception {
        JsonNode config = YAML.readTree(snippets("yaml").get(1));
        JsonNode hook = config.path("repos").get(0).path("hooks").get(0);
        JsonNode defs = YAML.readTree(Files.readString(ROOT.resolve(".pre-commit-hooks.yaml")));
        JsonNode def = null;
        for (JsonNode d : defs) {
            if (d.path("id").asString().equals(hook.path("id").asString())) {
                def = d;
            }
        }
        assertTrue(def != null, "the snippet's hook id is defined in .pre-commit-hooks.yaml");
        assertEquals("script", def.path("language").asString());
        String[] entry = def.path("entry").asString().split(" ");
        assertTrue(Files.isExecutable(ROOT.resolve(entry[0])), "a script language entry is a file of the repository");
        // pre-commit runs: entry, the user's args, then the staged files its patterns select
        String staged = "src/test/graph/create-token.json";
        assertTrue(Pattern.compile(def.path("files").asString()).matcher(staged).find());
        assertTrue(Pattern.compile(hook.path("files").asString()).matcher(staged).find());
        Path fixture = tmp.resolve(staged);
        Files.createDirectories(fixture.getParent());
        Files.copy(TestSupport.payloads().resolve("vppToken/2021-03-23/create-valid.json"), fixture);
        List<String> args = new ArrayList<>(List.of(entry).subList(1, entry.length));
        hook.path("args").forEach(a -> args.add(a.asString()));
        args.add(fixture.toString());
        TestSupport.Result ok = TestSupport.cli(args.toArray(String[]::new));
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        Files.copy(TestSupport.payloads().resolve("vppToken/2021-03-23/create-unknown-property.json"), fixture,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1, TestSupport.cli(args.toArray(String[]::new)).exit());
    }

    @Test
    void theMavenSnippetIsThePluginBlockTheInvokerRuns() throws Exception {
        String snippet = snippets("xml").get(0);
        String pom = Files.readString(ROOT.resolve("maven-plugin/src/it/valid-fixtures/pom.xml"));
        Matcher m = Pattern.compile("<!-- README \"Use in CI\" snippet begins -->\\n(.*?)\\s*<!-- README \"Use in CI\" snippet ends -->",
                Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), "the invoker project marks the snippet");
        String version = org.graphlint.validate.GraphlintVersion.get();
        assertEquals(strip(snippet), strip(m.group(1).replace("@project.version@", version)));
    }

    private static String strip(String xml) {
        return xml.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
