package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a type page's JSON representation and its shared enum sections say beyond its tables (issue 9's names and enum
 * lists), on real pages of the ru-RU snapshot ({@code whole-graph/README.md}).
 */
class JsonRepresentationTest {

    private static Catalog v1(String... files) {
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : files) {
            in.add(new CatalogBuilder.Input(PageParser.parse(WholeGraphTest.ROOT.resolve("v1.0/resources/" + f)), "v1.0/resources/" + f));
        }
        return CatalogBuilder.build(in).catalog().forApiVersion("v1.0");
    }

    @Test
    void aTableNameThatDiffersFromTheJsonOnlyInCaseTakesTheJsonsSpelling() {
        // the table says printerID, the JSON representation "printerId": "String" (as payloads and the service write it)
        JsonNode s = WholeGraphTest.resource(v1("printusagebyprinter.md"), "printUsageByPrinter");
        assertTrue(s.path("properties").has("printerId"), s.path("properties").toString());
        assertFalse(s.path("properties").has("printerID"), s.path("properties").toString());
        assertEquals(List.of(), WholeGraphTest.check(s, "{\"printerId\": \"4d1c2b37-b2b7-4e1c-ab10-fb6aa0c5e4a9\"}"));
        assertFalse(WholeGraphTest.check(s, "{\"printerID\": \"4d1c2b37\"}").isEmpty());
    }

    @Test
    void anEnumSectionOfThePageTakesTheMembersTheSharedEnumPageAddsUnderTheSameHeading() {
        // authorizationpolicy.md's "allowInvitesFrom values" lists none … everyone; enums.md's section of the same
        // heading adds unknownFutureValue
        JsonNode s = WholeGraphTest.resource(v1("authorizationpolicy.md", "enums.md"), "authorizationPolicy");
        assertEquals(List.of(), WholeGraphTest.check(s, "{\"allowInvitesFrom\": \"unknownFutureValue\"}"));
        assertEquals(List.of(), WholeGraphTest.check(s, "{\"allowInvitesFrom\": \"everyone\"}"));
        assertFalse(WholeGraphTest.check(s, "{\"allowInvitesFrom\": \"anyone\"}").isEmpty());
        // without the shared page, only the page's own members
        JsonNode alone = WholeGraphTest.resource(v1("authorizationpolicy.md"), "authorizationPolicy");
        assertFalse(WholeGraphTest.check(alone, "{\"allowInvitesFrom\": \"unknownFutureValue\"}").isEmpty());
    }

    @Test
    void anEnumSectionHoldingAnotherEnumsMembersGivesWayToTheRowsOwnValues() {
        // changeType names no page; enums.md's "changeType values" holds countryLookupMethodType's members
        // (clientIpAddress, authenticatorAppGps); the row says "The supported values are: created, updated, deleted."
        // and the page's JSON "changeType": "created"
        JsonNode s = WholeGraphTest.resource(v1("changenotification.md", "enums.md"), "changeNotification");
        for (String v : List.of("created", "updated", "deleted")) {
            assertEquals(List.of(), WholeGraphTest.check(s, "{\"changeType\": \"" + v + "\"}"), v);
        }
        assertFalse(WholeGraphTest.check(s, "{\"changeType\": \"clientIpAddress\"}").isEmpty());
    }

    @Test
    void theTypeARepresentationShowsIsTheRowsType() {
        assertEquals("String", TypeRows.shownType(Catalog.JSON.readTree("\"String\"")));
        assertEquals("Int32", TypeRows.shownType(Catalog.JSON.readTree("\"Edm.Int32\"")));
        assertEquals("Boolean", TypeRows.shownType(Catalog.JSON.readTree("[\"Boolean\"]")));
        assertEquals("identitySet", TypeRows.shownType(Catalog.JSON.readTree("{\"@odata.type\": \"microsoft.graph.identitySet\"}")));
        assertEquals("recipient", TypeRows.shownType(Catalog.JSON.readTree("[{\"@odata.type\": \"#microsoft.graph.recipient\"}]")));
        // a value, not a type: left to inference from the examples
        assertNull(TypeRows.shownType(Catalog.JSON.readTree("\"String (identifier)\"")));
        assertNull(TypeRows.shownType(Catalog.JSON.readTree("\"Contoso\"")));
        assertNull(TypeRows.shownType(Catalog.JSON.readTree("1024")));
        assertNull(TypeRows.shownType(Catalog.JSON.readTree("{\"@odata.type\": \"microsoft.graph.x\", \"id\": \"1\"}")));
    }

    @Test
    void aPropertyOnlyTheRepresentationTypesAsAnEntityIsANavigationCheckedShallowly() {
        // identity.md's representation shows "thumbnails": {"@odata.type": "microsoft.graph.thumbnailSet"}, in no table;
        // thumbnailset.md declares "keyProperty": "id": an entity, so thumbnails is a navigation property, checked as
        // relationships are (an object, not the entity's whole schema and everything it links)
        JsonNode s = WholeGraphTest.resource(v1("identity.md", "thumbnailset.md"), "identity");
        JsonNode t = s.at("/properties/thumbnails");
        assertEquals("thumbnailSet", t.findPath("x-graphlint-entity").asString(null), t.toString());
        assertTrue(t.findPath("$ref").isMissingNode(), t.toString());
        assertTrue(s.path("$defs").path("thumbnailSet").isMissingNode(), s.toString());
        assertEquals(List.of(), WholeGraphTest.check(s, "{\"thumbnails\": {\"id\": \"0\", \"anything\": 1}}"));
        assertFalse(WholeGraphTest.check(s, "{\"thumbnails\": \"0\"}").isEmpty());
        // a complex type (identitySet, no key) is still checked deeply
        JsonNode item = WholeGraphTest.resource(v1("baseitem.md", "identityset.md", "identity.md", "thumbnailset.md"), "baseItem");
        assertFalse(WholeGraphTest.check(item, "{\"createdBy\": {\"user\": {\"id\": \"1\", \"displayNam\": \"A\"}}}").isEmpty());
    }
}
