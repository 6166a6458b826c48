package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The one path-template matcher: the forms the router and the page facts both rely on. */
class PathTemplateTest {

    @Test
    void urlsAndTemplatesMeetInOneNormalForm() {
        assertArrayEquals(new String[] {"users", PathTemplate.ANY, "messages"},
                PathTemplate.segments("https://graph.microsoft.com/v1.0/me/messages?$top=2"));
        assertArrayEquals(new String[] {"users", PathTemplate.ANY, "messages"},
                PathTemplate.segments("/users/{id | userPrincipalName}/messages"));
        assertArrayEquals(new String[] {"drives", "x", "items", "y", PathTemplate.PATH, "content"},
                PathTemplate.segments("/drives/x/items/y:/a/b.txt:/content"));
        assertArrayEquals(new String[] {"users", PathTemplate.ANY}, PathTemplate.segments("{{host}}/beta/users('a@b.com')"));
        assertArrayEquals(new String[] {"groups", PathTemplate.ANY, "assign"},
                PathTemplate.segments("/groups/{id}/microsoft.graph.assign"));
        assertNull(PathTemplate.segments(null));
    }

    @Test
    void templatesMatchSegmentBySegment() {
        assertTrue(PathTemplate.templateMatches("/users/{id}/messages", "/me/messages"));
        assertTrue(PathTemplate.templateMatches("/groups/{id}", "https://graph.microsoft.com/v1.0/groups/02bd9fd6"));
        assertTrue(PathTemplate.templateMatches("/Groups/{id}", "/groups/{group-id}"), "letter case and a copied variable");
        assertFalse(PathTemplate.templateMatches("/groups/{id}", "/groups"), "another length");
        assertFalse(PathTemplate.templateMatches("/groups/{id}", "/users/1"), "another literal");
        assertFalse(PathTemplate.templateMatches("/me/drive/root:/{path}:/content", "/me/drive/items/1/content"),
                "path addressing matches only path addressing");
        assertFalse(PathTemplate.templateMatches("/users/{id}", "/users(a=1,b=2)"),
                "a key never matches a function's parameter list");
    }

    @Test
    void theApiVersionComesFromTheUrl() {
        assertEquals("v1.0", PathTemplate.apiVersionOf("https://graph.microsoft.com/v1.0/me"));
        assertEquals("beta", PathTemplate.apiVersionOf("{{host}}/beta/groups"));
        assertNull(PathTemplate.apiVersionOf("/me/messages"));
    }

    @Test
    void schemasAreHandedOutAsCopies() {
        ObjectNode s = Catalog.JSON.createObjectNode().put("type", "object");
        SchemaVersion v = new SchemaVersion("e", OperationKind.CREATE, "2021-01-01", s, List.of(), List.of());
        ObjectNode out = (ObjectNode) v.schema();
        assertNotSame(s, out);
        out.put("type", "string");
        assertEquals("object", v.schema().path("type").asString(), "a caller's change does not reach the catalog");
    }
}
