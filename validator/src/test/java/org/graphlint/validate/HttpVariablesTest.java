package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpVariablesTest {

    private static final String FILE = String.join("\n",
            "@host = https://graph.microsoft.com",
            "@api = {{host}}/beta",
            "@name = Contoso",
            "",
            "POST {{api}}/deviceAppManagement/vppTokens",
            "Content-Type: application/json",
            "",
            "{",
            "  \"organizationName\": \"{{name}}\",",
            "  \"appleId\": \"{{ownerId}}\",",
            "  \"token\": \"{{ownerId}}-{{$guid}}\"",
            "}",
            "");

    @Test
    void definitionsBecomeBlankLinesAndUsesTheirValues() {
        List<Finding> out = new ArrayList<>();
        String t = HttpVariables.apply(FILE, Map.of("ownerId", "owner@contoso.com"), out);
        assertEquals(List.of(), out);
        String[] lines = t.split("\n", -1);
        assertEquals(FILE.split("\n", -1).length, lines.length, "every line keeps its number");
        assertEquals("", lines[0]);
        assertEquals("POST https://graph.microsoft.com/beta/deviceAppManagement/vppTokens", lines[4]);
        assertEquals("  \"organizationName\": \"Contoso\",", lines[8]);
        assertEquals("  \"token\": \"owner@contoso.com-00000000-0000-4000-8000-000000000000\"", lines[10]);
    }

    @Test
    void anUndefinedVariableIsOneFindingNamingIt() {
        List<Finding> out = new ArrayList<>();
        String t = HttpVariables.apply(FILE, Map.of(), out);
        assertEquals(1, out.size(), out::toString);
        Finding f = out.get(0);
        assertEquals("http-variable", f.rule());
        assertEquals(10, f.line());
        assertEquals(15, f.column());
        assertTrue(f.message().contains("{{ownerId}}") && f.message().contains("--var ownerId=VALUE"), f.message());
        assertTrue(t.contains("\"{{ownerId}}\""), "left as written");
    }

    @Test
    void theCommandLineWinsAndCrlfIsKept() {
        List<Finding> out = new ArrayList<>();
        String t = HttpVariables.apply("@host = a\r\nGET {{host}}/x\r\n", Map.of("host", "b"), out);
        assertEquals("\r\nGET b/x\r\n", t);
        assertEquals(List.of(), out);
    }

    @Test
    void cyclesAndUnknownDynamicVariablesAreFindings() {
        List<Finding> out = new ArrayList<>();
        HttpVariables.apply("@a = {{b}}\n@b = {{a}}\nGET /x/{{a}}/{{$dotenv KEY}}\n", Map.of(), out);
        assertEquals(2, out.size(), out::toString);
        assertTrue(out.get(1).message().startsWith("unsupported dynamic variable {{$dotenv KEY}}"), out.get(1).message());
    }

    @Test
    void aFileWithVariablesValidatesThroughTheLibrary() {
        String http = FILE.replace("{{ownerId}}-{{$guid}}", "Token value").replace("{{ownerId}}", "Apple Id value");
        FileReport r = TestSupport.EMBEDDED.validateText("vars.http", http, true, null, ValidateOptions.defaults());
        assertEquals(List.of(), r.findings());
        FileReport missing = TestSupport.EMBEDDED.validateText("vars.http", FILE, true, null, ValidateOptions.defaults());
        assertEquals(List.of("http-variable"), missing.findings().stream().map(Finding::rule).toList());
        FileReport given = TestSupport.EMBEDDED.validateText("vars.http", FILE, true, null,
                ValidateOptions.defaults().withVariables(Map.of("ownerId", "x")));
        assertEquals(List.of(), given.findings());
    }
}
