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

    /**
     * The kind is decided once, here (the schema builder no longer second-guesses it): a page filed as an enum page
     * that documents a type in a Properties table is that type's page, a resource when it has an id.
     */
    @Test
    void anEnumPageWithATypeTableIsTheTypesPage() {
        String page = """
                ---
                doc_type: enumPageType
                ---
                # widget
                ## <a name="properties"></a>Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |%s|String|The key.|
                |name|String|The name.|
                """;
        assertEquals(PageKind.RESOURCE, parse(page.formatted("id")).kind());
        assertEquals(PageKind.COMPLEX_TYPE, parse(page.formatted("key")).kind());
        assertEquals(PageKind.ENUM, parse("---\ndoc_type: enumPageType\n---\n# e\n|Member|Value|Description|\n|--|--|--|\n|a|0|x|\n").kind());
    }

    @Test
    void withoutDocTypeTheContentDecides() {
        assertEquals(PageKind.ENUM, parse("# e\n|Member|Value|Description|\n|--|--|--|\n|a|0|x|\n").kind());
        assertEquals(PageKind.COMPLEX_TYPE, parse("## <a name=\"properties\"></a>P\n|Property|Type|Description|\n|--|--|--|\n|a|String|x|\n").kind());
        assertEquals(PageKind.OTHER, parse("# just text\n").kind());
    }

    /** Found in the ru-RU snapshot: a cell broken over two lines, a value table under Properties, a deprecated name. */
    @Test
    void continuedRowsValueTablesAndDeprecatedNames() {
        PageModel p = parse("""
                ---
                doc_type: resourcePageType
                ---
                ## <a name="properties"></a><span data-ttu-id="1">Свойства</span><span class="sxs-lookup"><span data-stu-id="1">Properties</span></span>
                |<span data-ttu-id="2">Свойство</span><span class="sxs-lookup"><span data-stu-id="2">Property</span></span>|<span data-ttu-id="3">Тип</span><span class="sxs-lookup"><span data-stu-id="3">Type</span></span>|<span data-ttu-id="4">Описание</span><span class="sxs-lookup"><span data-stu-id="4">Description</span></span>|
                |:---|:---|:---|
                |<span data-ttu-id="5">ид</span><span class="sxs-lookup"><span data-stu-id="5">id</span></span>|String|<span data-ttu-id="6">Ключ
                </span><span class="sxs-lookup"><span data-stu-id="6">The key.</span></span>|
                |<span data-ttu-id="7">x</span><span class="sxs-lookup"><span data-stu-id="7">backupReviewers (deprecated)</span></span>|String|d|
                |untranslatedName|String|d|

                |<span data-ttu-id="8">Значение</span><span class="sxs-lookup"><span data-stu-id="8">Value</span></span>|<span data-ttu-id="9">Роль</span><span class="sxs-lookup"><span data-stu-id="9">Role</span></span>|<span data-ttu-id="10">Описание</span><span class="sxs-lookup"><span data-stu-id="10">Description</span></span>|
                |:---|:---|:---|
                |view|read|d|
                """);
        assertEquals(java.util.List.of("id", "backupReviewers", "untranslatedName"), p.properties().stream().map(PropertyRow::name).toList());
        assertEquals("The key.", p.properties().get(0).description());
        assertEquals(NameSource.VERBATIM, p.properties().get(2).nameSource());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.code().equals("table-row-continued") && d.line() == 8), p.diagnostics().toString());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.code().equals("deprecated-property")));
    }
}
