package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageKindTest {
    static PageModel parse(String text) {
        return PageParser.parse("page.md", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Like beta/resources/user.md: a resource page defining a property's values in a Member|Description table. */
    @Test
    void resourcePageWithAMemberTableStaysAResource() {
        PageModel p = parse("""
                ---
                doc_type: resourcePageType
                ---
                # user resource type
                ## <a name="methods"></a>Methods
                ## <a name="properties"></a>Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |id|String|The key.|
                |ageGroup|String|The age group.|
                #### <a name="agegroup-values"></a>ageGroup values
                |Member|Description|
                |:---|:---|
                |null|Default value.|
                |minor|The user is a minor.|
                """);
        assertEquals(PageKind.RESOURCE, p.kind());
        assertEquals(2, p.enumMembers().size());
        assertNull(p.enumMembers().get(1).value());
        assertEquals("The user is a minor.", p.enumMembers().get(1).description());
        assertTrue(p.diagnostics().stream().noneMatch(d -> d.code().equals("enum-value-not-integer")), p.diagnostics().toString());
    }

    @Test
    void withoutDocTypeTheContentDecides() {
        assertEquals(PageKind.ENUM, parse("# e\n|Member|Value|Description|\n|--|--|--|\n|a|0|x|\n").kind());
        assertEquals(PageKind.COMPLEX_TYPE, parse("## <a name=\"properties\"></a>P\n|Property|Type|Description|\n|--|--|--|\n|a|String|x|\n").kind());
        assertEquals(PageKind.OTHER, parse("# just text\n").kind());
    }
}
