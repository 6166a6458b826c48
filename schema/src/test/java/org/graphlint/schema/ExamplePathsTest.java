package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graphlint.parser.PageModel;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.Test;

/**
 * Paths only a page's own example requests show become templates of that page's operation (issue 10's routing, the
 * builder's side). The pages are real ones from the ru-RU snapshot ({@code whole-graph/README.md}); where a second page
 * must document a competing template it is built by hand ({@link Pages}).
 */
class ExamplePathsTest {

    private static CatalogBuilder.Input real(String file) {
        return new CatalogBuilder.Input(PageParser.parse(WholeGraphTest.ROOT.resolve(file)), file);
    }

    private static BuildGraphCatalog.Built build(CatalogBuilder.Input... in) {
        return BuildGraphCatalog.buildWithExamples(List.of(in), Map.of());
    }

    private static List<DocumentedOperation> ops(BuildGraphCatalog.Built b, String api) {
        return b.catalog().forApiVersion(api).operations();
    }

    private static boolean has(List<DocumentedOperation> ops, String method, String template, String entity, OperationKind kind) {
        return ops.contains(new DocumentedOperation(method, template, entity, kind));
    }

    @Test
    void anExamplePathNoneOfItsPageTemplatesMatchIsATemplateOfThePageOperation() {
        // the HTTP request block says PATCH …/provisioningPolicies/{id} (copied from another page); the example, as the
        // service, PATCH …/userSettings/b0c2d35f-3385-46c8-a6f5-6c3dfad7ffff: the GUID is an id, the words stay
        BuildGraphCatalog.Built b = build(real("beta/api/cloudpcusersetting-update.md"));
        List<DocumentedOperation> ops = ops(b, "beta");
        assertTrue(has(ops, "PATCH", "/deviceManagement/virtualEndpoint/provisioningPolicies/{id}", "cloudPcUserSetting",
                OperationKind.UPDATE), ops.toString());
        assertTrue(has(ops, "PATCH", "/deviceManagement/virtualEndpoint/userSettings/{id}", "cloudPcUserSetting",
                OperationKind.UPDATE), ops.toString());
        assertEquals(1, b.examples().kept().size(), b.examples().toString());
        assertEquals("beta/api/cloudpcusersetting-update.md", b.examples().kept().get(0).page());
        assertTrue(ExamplePaths.listing(b.examples()).contains("beta\tPATCH\t/deviceManagement/virtualEndpoint/userSettings/{id}"
                + "\tcloudPcUserSetting\tupdate\tbeta/api/cloudpcusersetting-update.md\n"));
    }

    @Test
    void aSegmentWhereThePageTemplateHasAKeyIsAKeyAndRealWordsNeverAre() {
        // GET /external/connections/{connection-id}/items/{item-id}; the example: GET /connections/contosohr/items/TSP228082938
        List<DocumentedOperation> ops = ops(build(real("beta/api/externalconnectors-externalitem-get.md")), "beta");
        assertTrue(ops.stream().anyMatch(o -> o.method().equals("GET") && o.pathTemplate().equals("/connections/{id}/items/{id}")),
                ops.toString());
        // POST /informationProtection/policy/labels/{id}/evaluateClassificationResults; the example leaves the id out:
        // evaluateClassificationResults stands where the template has {id}, but it is the path's last word, not a key
        List<DocumentedOperation> labels = ops(build(real("beta/api/informationprotectionlabel-evaluateclassificationresults.md")), "beta");
        assertTrue(labels.stream().anyMatch(o -> o.pathTemplate().equals("/informationProtection/policy/labels/evaluateClassificationResults")
                && o.operation() == OperationKind.ACTION), labels.toString());
        assertFalse(labels.stream().anyMatch(o -> o.pathTemplate().equals("/informationProtection/policy/labels/{id}")), labels.toString());
    }

    @Test
    void aPageWithoutAnHttpRequestBlockIsRoutedByItsExamples() {
        // presence-get.md writes its templates in a block marked "ignored", which the parser does not take as the page's
        // HTTP request block, and site-get.md has none: their example requests are all there is
        PageModel presence = PageParser.parse(WholeGraphTest.ROOT.resolve("beta/api/presence-get.md"));
        assertEquals(List.of(), presence.operations());
        List<DocumentedOperation> ops = ops(build(real("beta/api/presence-get.md")), "beta");
        assertTrue(ops.stream().anyMatch(o -> o.method().equals("GET") && o.pathTemplate().equals("/users/{id}/presence")
                && o.operation() == OperationKind.RESOURCE), ops.toString());
        List<DocumentedOperation> site = ops(build(real("v1.0/api/site-get.md")), "v1.0");
        assertTrue(site.stream().anyMatch(o -> o.pathTemplate().equals("/sites/root")), site.toString());
        assertTrue(site.stream().anyMatch(o -> o.pathTemplate().equals("/groups/{id}/sites/root")), site.toString());
        assertFalse(site.stream().anyMatch(o -> o.pathTemplate().equals("/sites/{id}") || o.pathTemplate().equals("/groups/{id}/sites/{id}")),
                "root is a word of the path, never a key: " + site);
    }

    @Test
    void documentedTemplatesWinOverAnExamplePath() {
        // another page documents GET /connections/{connectionsId}/items/delta: the example's generalized path
        // /connections/{id}/items/{id} could take those requests, so it is dropped and counted
        CatalogBuilder.Input delta = new CatalogBuilder.Input(Pages.method("List externalItem delta", "GET",
                "/connections/{connectionsId}/items/delta", "2021-06-01", List.of(), List.of()), "beta/api/externalitem-delta.md");
        BuildGraphCatalog.Built b = build(delta, real("beta/api/externalconnectors-externalitem-get.md"));
        List<DocumentedOperation> ops = ops(b, "beta");
        assertFalse(ops.stream().anyMatch(o -> o.pathTemplate().equals("/connections/{id}/items/{id}")), ops.toString());
        assertTrue(ops.stream().anyMatch(o -> o.pathTemplate().equals("/connections/{connectionsId}/items/delta")), ops.toString());
        assertEquals(List.of(), b.examples().kept());
        assertEquals(Map.of("could take requests a documented template matches", 1), b.examples().dropped());
        // a documented template that matches the example request as written: nothing to add, nothing dropped
        CatalogBuilder.Input same = new CatalogBuilder.Input(Pages.method("Get externalItem", "GET",
                "/connections/{connectionsId}/items/{externalItemId}", "2021-06-01", List.of(), List.of()), "beta/api/externalitem-get-old.md");
        BuildGraphCatalog.Built b2 = build(same, real("beta/api/externalconnectors-externalitem-get.md"));
        assertEquals(List.of(), b2.examples().kept());
        assertEquals(Map.of(), b2.examples().dropped());
    }

    @Test
    void twoPagesWhoseExamplesGiveOnePathForDifferentOperationsAddNeither() {
        CatalogBuilder.Input other = new CatalogBuilder.Input(Pages.method("Update cloudPcOtherSetting", "PATCH",
                "/deviceManagement/virtualEndpoint/otherSettings/{id}", "2021-06-01", List.of(), List.of(Pages.request("PATCH",
                        "https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/userSettings/0c2d35f3-3385-46c8-a6f5-6c3dfad7ffff",
                        "{}"))), "beta/api/cloudpcothersetting-update.md");
        BuildGraphCatalog.Built b = build(real("beta/api/cloudpcusersetting-update.md"), other);
        assertFalse(ops(b, "beta").stream().anyMatch(o -> o.pathTemplate().equals("/deviceManagement/virtualEndpoint/userSettings/{id}")),
                ops(b, "beta").toString());
        assertEquals(Map.of("ambiguous: examples of different operations", 2), b.examples().dropped());
    }

    @Test
    void idsAreKnownByTheirShape() {
        for (String id : List.of("b0c2d35f-3385-46c8-a6f5-6c3dfad7ffff", "14008", "2192ca408ea2410eba3bec8ae873be6b",
                "TSP228082938", "01CYZLFJDYBLIGAE7G5FE3I4VO2XP7BLU4", "OPNSHFT_577b75d2-a927-48c0-a5d1-dc984894e7b8",
                "MeganB@contoso.onmicrosoft.com", "lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-1")) {
            assertTrue(ExamplePaths.looksLikeId(id), id);
        }
        for (String word : List.of("root", "windows10EndpointProtectionConfiguration", "getOffice365ActivationsUserDetail",
                "oauth2PermissionGrants", "b2xUserFlows", "48x48", "contosohr", "B2X_1_Partner", "$value")) {
            assertFalse(ExamplePaths.looksLikeId(word), word);
        }
        assertEquals("/users/{id}/drive/root:/{path}:/content", ExamplePaths.template(PathTemplate.segments("/me/drive/root:/a/b.txt:/content")));
        assertEquals("/reports/getUserArchivedPrintJobs(p1={p1},p2={p2})",
                ExamplePaths.template(PathTemplate.segments("/reports/getUserArchivedPrintJobs(userId='x',startDateTime=2020-01-01)")));
        // a documented template written with an example's GUID takes any id there
        assertEquals("/education/classes/{id}/assignments/{id}", ExamplePaths.withoutLiteralIds(new DocumentedOperation("DELETE",
                "/education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments/cf6005fc-9e13-44a2-a6ac-a53322006454",
                "educationAssignment", OperationKind.RESOURCE)).pathTemplate());
    }

    @Test
    void requestsToOtherHostsAndUnknownVersionsMakeNoTemplate() {
        CatalogBuilder.Input page = new CatalogBuilder.Input(Pages.method("Update schedule", "PUT", "/teams/{teamId}/schedule",
                "2021-06-01", List.of(), List.of(Pages.request("PUT", "https://graph.microsoft.com/v1/teams/{teamId}/schedule", "{}"),
                        Pages.request("POST", "https://webhook.azurewebsites.net/api/send/myNotifyClient", "{}"),
                        Pages.request("PUT", "https://graph.microsoft.com/beta**", ""))), "beta/api/team-put-schedule.md");
        BuildGraphCatalog.Built b = build(page);
        assertEquals(List.of(), b.examples().kept(), new ArrayList<>(b.examples().kept()).toString());
        assertEquals(Map.of("an API version graphlint does not know (/v1/)", 1,
                "a malformed or elided segment (beta**, an unclosed {id)", 1), b.examples().dropped());
    }
}
