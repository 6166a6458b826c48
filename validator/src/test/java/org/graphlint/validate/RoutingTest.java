package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;
import org.graphlint.schema.SchemaVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every path form the docs and .http files use, routed to its documented operation; and the misses. */
class RoutingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static DocumentedOperation op(String method, String path, String entity, OperationKind k) {
        return new DocumentedOperation(method, path, entity, k);
    }

    static final List<DocumentedOperation> OPS = List.of(
            op("GET", "/users/{id | userPrincipalName}", "user", OperationKind.RESOURCE),
            op("PATCH", "/users/{id | userPrincipalName}", "user", OperationKind.UPDATE),
            op("POST", "/users", "user", OperationKind.CREATE),
            op("DELETE", "/users/{id | userPrincipalName}", "user", OperationKind.RESOURCE),
            op("PATCH", "/groups/{id}", "group", OperationKind.UPDATE),
            op("PUT", "/users/{id | userPrincipalName}/photo/$value", "profilePhoto", OperationKind.UPDATE),
            op("GET", "/users/{id | userPrincipalName}/photo/$value", "profilePhoto", OperationKind.RESOURCE),
            op("PATCH", "/users/{id | userPrincipalName}/photo", "profilePhoto", OperationKind.UPDATE),
            op("POST", "/groups/{id}/members/$ref", "member", OperationKind.CREATE),
            op("POST", "/me/messages", "message", OperationKind.CREATE),
            op("POST", "/users/{id | userPrincipalName}/mailFolders/{id}/messages", "message", OperationKind.CREATE),
            op("POST", "/me/sendMail", "user-sendmail", OperationKind.ACTION),
            op("POST", "/deviceManagement/deviceConfigurations/{deviceConfigurationId}/assign", "deviceconfiguration-assign",
                    OperationKind.ACTION),
            op("GET", "/users/delta", "user", OperationKind.RESOURCE),
            op("GET", "/me/reminderView(startDateTime={startDateTime-value},endDateTime={endDateTime-value})", "reminder",
                    OperationKind.RESOURCE),
            op("POST", "/directoryRoles/roleTemplateId={roleTemplateId}/members/$ref", "directory", OperationKind.CREATE),
            op("GET", "/identityGovernance/entitlementManagement/accessPackages/filterByCurrentUser", "accessPackage",
                    OperationKind.RESOURCE),
            op("GET", "/roleManagement/directory/roleSchedules/{id}", "unifiedRoleSchedule", OperationKind.RESOURCE),
            op("GET", "/roleManagement/directory/roleSchedules", "unifiedRoleSchedule", OperationKind.RESOURCE),
            op("GET", "/me/drive/items/{id}/workbook/worksheets/{id|name}/usedRange(valuesOnly={valuesOnly})", "workbookRange",
                    OperationKind.RESOURCE),
            op("PATCH", "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='{address}')", "workbookRange",
                    OperationKind.UPDATE),
            op("PUT", "/drives/{drive-id}/items/{parent-id}:/{filename}:/content", "driveitem-put-content", OperationKind.ACTION),
            op("PUT", "/me/drive/items/{parent-id}:/{filename}:/content", "driveitem-put-content", OperationKind.ACTION),
            op("GET", "/me/drive/root:/{item-path}", "driveItem", OperationKind.RESOURCE),
            op("GET", "/me/drive/items/{item-id}", "driveItem", OperationKind.RESOURCE),
            op("PATCH", "/me/drive/items/{item-id}", "driveItem", OperationKind.UPDATE),
            op("PATCH", "/drive/items/{bundle-id}", "bundle", OperationKind.UPDATE),
            op("POST", "/me/drive/items/{parent-item-id}/children", "driveItem", OperationKind.CREATE),
            op("POST", "/me/drive/items/{itemId}/createUploadSession", "driveitem-createuploadsession", OperationKind.ACTION),
            op("GET", "/informationProtection/bitlocker/recoveryKeys/'{bitlockeryRecoveryKeyId}'", "bitlockerRecoveryKey",
                    OperationKind.RESOURCE),
            op("PATCH", "~/onPremisesPublishingProfiles/{publishingType}/agentGroups/{id1}", "onPremisesAgentGroup",
                    OperationKind.UPDATE),
            op("POST", "/me/drive/root:/{item-path}:/workbook/worksheets/add", "worksheetcollection-add", OperationKind.ACTION));

    private static final RequestRouter ROUTER = RequestRouter.of(OPS);

    private static RequestRouter.Route route(String method, String url) {
        return ROUTER.route(method, url);
    }

    private static void routes(String method, String url, String entity, OperationKind kind) {
        RequestRouter.Route r = route(method, url);
        assertEquals(RequestRouter.Kind.OPERATION, r.kind(), method + " " + url + " -> " + r);
        assertEquals(entity, r.operation().entity(), method + " " + url);
        assertEquals(kind, r.operation().operation(), method + " " + url);
    }

    @Test
    void meIsAnAliasOfUsersId() {
        routes("PATCH", "https://graph.microsoft.com/v1.0/me", "user", OperationKind.UPDATE);
        routes("PATCH", "/users/alex@contoso.com", "user", OperationKind.UPDATE);
        // and the other way round: a path documented under /me only, called for another user
        routes("POST", "/users/87d349ed-44d7-43e1-9a83-5f2406dee5bd/messages", "message", OperationKind.CREATE);
        routes("POST", "/me/mailFolders/inbox/messages", "message", OperationKind.CREATE);
    }

    @Test
    void baseUrlRelativeHostVariableAndQueryAreIgnored() {
        for (String url : List.of("https://graph.microsoft.com/v1.0/groups/02bd9fd6", "/v1.0/groups/02bd9fd6",
                "v1.0/groups/02bd9fd6", "groups/02bd9fd6", "{{host}}/beta/groups/02bd9fd6?$select=id",
                "{{host}}/groups/02bd9fd6/", "https://graph.microsoft.com/beta/groups/02bd9fd6 HTTP/1.1",
                "/groups/{id}")) {
            routes("PATCH", url, "group", OperationKind.UPDATE);
        }
        assertEquals("v1.0", RequestRouter.apiVersionOf("https://graph.microsoft.com/v1.0/me"));
        assertEquals("beta", RequestRouter.apiVersionOf("{{host}}/beta/me"));
        assertEquals("beta", RequestRouter.apiVersionOf("beta/me"));
        assertNull(RequestRouter.apiVersionOf("/me/messages"));
    }

    @Test
    void keyInParenthesesIsAKeySegment() {
        routes("PATCH", "/users('alex@contoso.com')", "user", OperationKind.UPDATE);
        routes("PATCH", "/users(id='87d349ed')", "user", OperationKind.UPDATE);
        routes("PATCH", "/groups('a/b')", "group", OperationKind.UPDATE);
        routes("GET", "/me/reminderView(startDateTime=2017-06-05T10:00:00.00,endDateTime=2017-06-11T11:00:00.00)",
                "reminder", OperationKind.RESOURCE);
        assertEquals(RequestRouter.Kind.REFERENCE,
                route("POST", "/directoryRoles/roleTemplateId=62e90394-69f5/members/$ref").kind()); // alternate key
    }

    @Test
    void literalSegmentsWinOverVariables() {
        routes("GET", "/users/delta", "user", OperationKind.RESOURCE);
        routes("GET", "/users/delta()", "user", OperationKind.RESOURCE);
    }

    @Test
    void actionsWithAndWithoutTheMicrosoftGraphPrefix() {
        routes("POST", "/me/sendMail", "user-sendmail", OperationKind.ACTION);
        routes("POST", "/users/alex@contoso.com/sendMail", "user-sendmail", OperationKind.ACTION);
        routes("POST", "/deviceManagement/deviceConfigurations/abc/microsoft.graph.assign", "deviceconfiguration-assign",
                OperationKind.ACTION);
        routes("POST", "/deviceManagement/deviceConfigurations/abc/assign", "deviceconfiguration-assign",
                OperationKind.ACTION);
    }

    @Test
    void functionParametersThePageDoesNotWriteAreLeftOutButAKeyNeverIs() {
        routes("GET", "https://graph.microsoft.com/beta/identityGovernance/entitlementManagement/accessPackages/"
                + "filterByCurrentUser(on='allowedRequestor')", "accessPackage", OperationKind.RESOURCE);
        // a collection's single parameter is a key; two or more parameters are a function's, whatever the name
        assertEquals("/roleManagement/directory/roleSchedules/{id}", route("GET",
                "/roleManagement/directory/roleSchedules(id='a')").operation().pathTemplate());
        assertEquals("/roleManagement/directory/roleSchedules", route("GET",
                "/roleManagement/directory/roleSchedules(directoryScopeId='/',principalId='x')").operation().pathTemplate());
        // a key is never dropped to reach the collection: POST /users('x') is not a user create
        assertEquals(RequestRouter.Kind.UNKNOWN, route("POST", "/users('alex@contoso.com')").kind());
        assertEquals(RequestRouter.Kind.UNKNOWN, route("POST", "/users(id='87d349ed')").kind());
        // and the other way round: optional parameters the template writes and the request leaves out
        routes("GET", "/me/drive/items/01ABC/workbook/worksheets/Sheet1/usedRange", "workbookRange", OperationKind.RESOURCE);
        routes("GET", "/me/drive/items/01ABC/workbook/worksheets/Sheet1/usedRange(valuesOnly=true)", "workbookRange",
                OperationKind.RESOURCE);
    }

    @Test
    void doubleQuotedAndQuotedVariableKeys() {
        routes("PATCH", "/me/drive/items/01ABC/workbook/worksheets('Sheet1')/range(address=\"A1:B2\")", "workbookRange",
                OperationKind.UPDATE);
        routes("PATCH", "/me/drive/items/01ABC/workbook/worksheets/{id}/range(address=\"A:B\")", "workbookRange",
                OperationKind.UPDATE);
        routes("GET", "/informationProtection/bitlocker/recoveryKeys/b465e4e8-e4e8-b465-e8e4-65b4e8e465b4",
                "bitlockerRecoveryKey", OperationKind.RESOURCE);
    }

    @Test
    void drivePathAddressingRootAndTheDefaultDrive() {
        // an item addressed by path, against a template that addresses it the same way
        routes("PUT", "/drives/b!x/items/01ABC:/Folder%20A/report.docx:/content", "driveitem-put-content", OperationKind.ACTION);
        routes("GET", "/me/drive/root:/FolderA/FileB.txt", "driveItem", OperationKind.RESOURCE);
        routes("GET", "https://graph.microsoft.com/v1.0/me/drive/root:/FolderA/FileB.txt?$select=id", "driveItem",
                OperationKind.RESOURCE);
        // root is an item: root:/path: is items/{root}:/path:
        routes("PUT", "/me/drive/root:/FolderA/FileB.txt:/content", "driveitem-put-content", OperationKind.ACTION);
        routes("POST", "/me/drive/root/children", "driveItem", OperationKind.CREATE);
        // an item addressed by path is an item: root:/{item-path}: against items/{itemId}
        routes("POST", "/me/drive/root:/{item-path}:/createUploadSession", "driveitem-createuploadsession",
                OperationKind.ACTION);
        // /drive is /me/drive, unless a template says /drive itself
        routes("POST", "/drive/root:/big.zip:/createUploadSession", "driveitem-createuploadsession", OperationKind.ACTION);
        routes("PATCH", "/me/drive/items/01ABC", "driveItem", OperationKind.UPDATE);
        routes("PATCH", "/drive/items/01ABC", "bundle", OperationKind.UPDATE);
        // path addressing is not an id: items/{id}/x is not root:/x
        assertEquals(RequestRouter.Kind.UNKNOWN, route("GET", "/me/drive/items/01ABC/FolderA").kind());
        // a template that addresses by path matches only path addressing, not some other segment
        routes("POST", "/me/drive/root:/book.xlsx:/workbook/worksheets/add", "worksheetcollection-add", OperationKind.ACTION);
        assertEquals(RequestRouter.Kind.UNKNOWN, route("POST", "/me/drive/root/x/workbook/worksheets/add").kind());
    }

    @Test
    void versionPlaceholderAndServiceRootPrefixes() {
        routes("GET", "/{version}/me/drive/root:/FolderA/FileB.txt", "driveItem", OperationKind.RESOURCE);
        routes("PATCH", "https://graph.microsoft.com/beta/onPremisesPublishingProfiles/provisioning/agentGroups/8832388F/",
                "onPremisesAgentGroup", OperationKind.UPDATE);
    }

    @Test
    void refPathsAreReferenceBodies() {
        RequestRouter.Route r = route("POST", "https://graph.microsoft.com/v1.0/groups/{id}/members/$ref");
        assertEquals(RequestRouter.Kind.REFERENCE, r.kind());
    }

    @Test
    void anUnknownPathNamesTheNearestTemplates() {
        RequestRouter.Route r = route("PATCH", "/group/02bd9fd6");
        assertEquals(RequestRouter.Kind.UNKNOWN, r.kind());
        assertEquals("PATCH /groups/{id}", r.nearest().get(0), r.nearest().toString());
        // the right path with the wrong method: the documented methods of that path come first
        RequestRouter.Route m = route("PUT", "/groups/02bd9fd6");
        assertEquals(RequestRouter.Kind.UNKNOWN, m.kind());
        assertEquals("PATCH /groups/{id}", m.nearest().get(0));
    }

    // ------------------------------------------------------------------ through the validator

    private static SchemaVersion version(String entity, OperationKind k, String json) {
        return new SchemaVersion(entity, k, "2021-08-27", JSON.readTree(json), List.of(), List.of());
    }

    private static final String OBJ = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"additionalProperties\":false,\"properties\":{";

    static final Catalog CATALOG = Catalog.of("v1.0", List.of(
            version("user", OperationKind.UPDATE, OBJ + "\"displayName\":{\"type\":\"string\"},\"jobTitle\":{\"type\":\"string\"}}}"),
            version("user", OperationKind.CREATE, OBJ + "\"displayName\":{\"type\":\"string\"},\"accountEnabled\":{\"type\":\"boolean\"}}}"),
            version("group", OperationKind.UPDATE, OBJ + "\"@odata.type\":{\"type\":\"string\"},\"description\":{\"type\":\"string\"}}}"),
            version("profilePhoto", OperationKind.UPDATE, OBJ + "\"height\":{\"type\":\"integer\"}}}"),
            version("message", OperationKind.CREATE, OBJ + "\"subject\":{\"type\":\"string\"}}}"),
            version("user-sendmail", OperationKind.ACTION, OBJ + "\"message\":{\"type\":\"object\"},\"saveToSentItems\":{\"type\":\"boolean\"}}}")),
            OPS, Map.of("microsoft.graph.user", "user", "microsoft.graph.group", "group"));

    private static final PayloadValidator V = PayloadValidator.of(CATALOG);

    private static FileReport http(String text) {
        return V.validateText("t.http", text, true, null, ValidateOptions.defaults());
    }

    private static FileReport json(String name, String text) {
        return V.validateText(name, text, false, null, ValidateOptions.defaults());
    }

    @Test
    void requestsAreCheckedAgainstTheirOwnOperation() {
        FileReport r = http("PATCH https://graph.microsoft.com/v1.0/me\nContent-Type: application/json\n\n{\"jobTitle\":\"x\"}\n"
                + "###\nPATCH /groups/{id}\nContent-Type: application/json\n\n{\"description\":\"d\"}\n"
                + "###\nPOST /me/sendMail\nContent-Type: application/json\n\n{\"message\":{},\"saveToSentItems\":false}\n"
                + "###\nPOST /groups/abc/members/$ref\nContent-Type: application/json\n\n{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/x\"}\n"
                + "###\nDELETE /users/abc\n");
        assertEquals(List.of(), r.findings());
        List<String> labels = r.targets().stream().map(Target::label).toList();
        assertEquals(List.of("user update 2021-08-27", "group update 2021-08-27", "user-sendmail action 2021-08-27",
                "$ref create builtin"), labels);
    }

    @Test
    void aBodyIsNeverCheckedAgainstAnotherEntity() {
        // a group property in a user update: reported against user, never retried as something else
        FileReport r = http("PATCH /me\nContent-Type: application/json\n\n{\"description\":\"d\"}\n");
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals("additionalProperties", r.findings().get(0).rule());
        assertEquals("user", r.findings().get(0).target().entity());
        // an unknown path: one finding, the body unchecked
        FileReport u = http("PATCH /usres/abc\nContent-Type: application/json\n\n{\"nonsense\":1}\n");
        assertEquals(1, u.findings().size(), u.findings().toString());
        assertEquals("http-operation", u.findings().get(0).rule());
        assertTrue(u.findings().get(0).message().contains("did you mean PATCH /users/{id | userPrincipalName}?"),
                u.findings().get(0).message());
        // a bad $ref body
        FileReport ref = http("POST /groups/abc/members/$ref\nContent-Type: application/json\n\n{\"id\":\"x\"}\n");
        assertTrue(ref.findings().stream().anyMatch(f -> f.rule().equals("required")), ref.findings().toString());
    }

    @Test
    void aDocumentedOperationWithoutSchemaSaysSoAndChecksNothing() {
        FileReport r = http("POST /deviceManagement/deviceConfigurations/abc/microsoft.graph.assign\n"
                + "Content-Type: application/json\n\n{\"assignments\":[]}\n");
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals("http-body-unchecked", f.rule());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(r.targets().isEmpty());
    }

    @Test
    void valuePathsAreMediaContent() {
        RequestRouter.Route r = route("PUT", "https://graph.microsoft.com/v1.0/users/48d31887/photo/$value");
        assertEquals(RequestRouter.Kind.MEDIA, r.kind());
        assertEquals("profilePhoto", r.operation().entity());
        assertEquals(RequestRouter.Kind.OPERATION, route("PATCH", "/users/48d31887/photo").kind());
    }

    @Test
    void aMediaBodyIsNotTheEntitysJsonAndSaysItIsUnchecked() {
        // the docs' own PUT …/$value examples send the content (a JPEG, a page's localized strings), never the entity
        FileReport jpeg = http("PUT /users/48d31887/photo/$value\nContent-Type: image/jpeg\n\nBINARY JPEG\n");
        assertEquals(1, jpeg.findings().size(), jpeg.findings().toString());
        Finding f = jpeg.findings().get(0);
        assertEquals("http-body-unchecked", f.rule());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("media content of profilePhoto"), f.message());
        assertTrue(jpeg.targets().isEmpty());
        FileReport json = http("PUT /users/48d31887/photo/$value\nContent-Type: application/json\n\n{\"LocalizedStrings\":[]}\n");
        assertEquals(List.of("http-body-unchecked"), json.findings().stream().map(Finding::rule).toList());
        // the entity's own JSON, to the entity's path: checked as always
        FileReport entity = http("PATCH /users/48d31887/photo\nContent-Type: application/json\n\n{\"LocalizedStrings\":[]}\n");
        assertEquals(List.of("additionalProperties"), entity.findings().stream().map(Finding::rule).toList());
        // reading the content takes no body
        FileReport get = http("GET /users/48d31887/photo/$value\n");
        assertEquals(List.of(), get.findings());
    }

    @Test
    void aJsonBodyIsRoutedByOdataTypeThenFileNameThenFlags() {
        FileReport byType = json("x.json", "{\"@odata.type\":\"#microsoft.graph.group\",\"description\":\"d\"}");
        assertEquals(List.of(), byType.findings());
        assertEquals("group", byType.targets().get(0).entity());
        FileReport byName = json("fixtures/user-create.json", "{\"displayName\":\"d\",\"accountEnabled\":true}");
        assertEquals(List.of(), byName.findings());
        assertEquals("user create 2021-08-27", byName.targets().get(0).label());
        FileReport byFolder = json("fixtures/message/create-1.json", "{\"subject\":\"s\"}");
        assertEquals(List.of(), byFolder.findings());
        FileReport byFlag = V.validateText("x.json", "{\"description\":\"d\"}", false, null,
                ValidateOptions.defaults().withEntity("group").withOperation(OperationKind.UPDATE));
        assertEquals(List.of(), byFlag.findings());
        // nothing says: a usage error naming the way out, never a guess
        FileReport none = json("x.json", "{\"description\":\"d\"}");
        assertEquals(1, none.findings().size());
        assertEquals("ambiguous-target", none.findings().get(0).rule());
        assertEquals(Category.INPUT, none.findings().get(0).category());
        FileReport badType = json("x.json", "{\"@odata.type\":\"#microsoft.graph.gruop\"}");
        assertTrue(badType.findings().get(0).message().contains("did you mean `group`?"), badType.findings().toString());
    }

    @Test
    void anUnknownEntityFlagIsAUsageErrorWithTheNearestNames() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> V.target("usr", OperationKind.UPDATE, "latest"));
        assertTrue(e.getMessage().contains("did you mean `user`"), e.getMessage());
    }

    @Test
    void aTopLevelSchemaKeywordIsAllowedAndMayNameTheSchema() {
        FileReport r = json("x.json", "{\"$schema\":\"../catalog/v1.0/user/update/2021-08-27.schema.json\",\"jobTitle\":\"j\"}");
        assertEquals(List.of(), r.findings());
        assertEquals("user update 2021-08-27", r.targets().get(0).label());
        FileReport nested = http("PATCH /me\nContent-Type: application/json\n\n{\"$schema\":\"x\",\"jobTitle\":\"j\"}\n");
        assertEquals(List.of(), nested.findings());
        // only at the top: deeper down it is an ordinary (unknown) property
        JsonNode deep = JSON.readTree("{\"jobTitle\":\"j\",\"x\":{\"$schema\":1}}");
        assertTrue(V.validate(V.catalog().versions("user", OperationKind.UPDATE).isEmpty() ? null
                : new Target(CATALOG.versions("user", OperationKind.UPDATE).get(0), "latest", "v1.0"), deep).stream()
                .anyMatch(f -> f.rule().equals("additionalProperties")));
    }

    @Test
    void entityInFileNameWordsLongestFirstAnyCaseNearestFolder() {
        Map<String, String> lower = Map.of("user", "user", "vpptoken", "vppToken", "device", "device",
                "deviceconfiguration", "deviceConfiguration", "group", "group", "a1b", "a1B");
        assertEquals("user", Routing.entityInName("fixtures/user-create.json", lower));
        assertEquals("vppToken", Routing.entityInName("VppToken.update.json", lower));
        assertEquals("vppToken", Routing.entityInName("vpp_TOKEN-1.json", lower)); // two words, any case
        assertEquals("deviceConfiguration", Routing.entityInName("device-configuration-1.json", lower));
        assertEquals("a1B", Routing.entityInName("x/a1B.json", lower)); // digits inside a word
        assertEquals("vppToken", Routing.entityInName("payloads\\vppToken\\2021-03-23\\create-valid.json", lower));
        assertNull(Routing.entityInName("user-group.json", lower)); // two different entities: neither
        assertNull(Routing.entityInName("x.json", lower));
        assertNull(Routing.entityInName("user/a/b/c/d.json", lower)); // only the name and three folders above it
        assertEquals("user", Routing.entityInName("user/a/b/d.json", lower));
        assertNull(Routing.entityInName("", lower));
        assertNull(Routing.entityInName("///", lower));
    }
}
