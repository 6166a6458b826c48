package org.graphlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graphlint.parser.PageParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Real page pairs from a whole snapshot, each pinning one way a correct payload of some type used to be rejected. */
class WholeGraphTest {
    static final Path ROOT = Path.of("src/test/resources/whole-graph/ru-RU");

    static Catalog v1(String... files) {
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : files) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve("v1.0/resources/" + f)), "v1.0/resources/" + f));
        }
        return CatalogBuilder.build(in).catalog().forApiVersion("v1.0");
    }

    static List<String> all() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("v1.0/resources"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static JsonNode resource(Catalog c, String entity) {
        return c.select(entity, OperationKind.RESOURCE, "latest").orElseThrow(() -> new AssertionError("no resource schema for " + entity
                + " in " + c.entities())).schema();
    }

    static List<com.networknt.schema.Error> check(JsonNode schema, String json) {
        assertEquals(List.of(), Schemas.checkAgainstMetaSchema(schema));
        return Schemas.validate(schema, Catalog.JSON.readTree(json));
    }

    @Test
    void baseTypePropertiesAreMergedFromTheBasePage() {
        // todo.md: "Inherits from [entity](../resources/entity.md)"; its own table lists only the relationship `lists`
        Catalog c = v1("todo.md", "entity.md");
        JsonNode s = resource(c, "todo");
        assertTrue(s.path("properties").has("id"), s.toString());
        assertEquals(List.of(), check(s, "{\"id\": \"AAMk\", \"lists\": []}"));
        assertFalse(check(s, "{\"id\": \"AAMk\", \"idd\": 1}").isEmpty());
        // the row is entity's own (its description), not only what todo's own page shows of it
        String entityId = PageParser.parse(ROOT.resolve("v1.0/resources/entity.md")).properties().get(0).description();
        assertEquals(entityId, s.at("/properties/id/description").asString(), s.at("/properties/id").toString());
        assertFalse(entityId.equals(resource(v1("todo.md"), "todo").at("/properties/id/description").asString("")));
    }

    @Test
    void aDerivedNestedValueIsCheckedAgainstItsOwnTypeClosed() throws IOException {
        // baseItem.createdBy is an identitySet, whose user is an identity; teamworkUserIdentity inherits from identity
        // and adds userIdentityType
        Catalog c = v1(all().toArray(String[]::new));
        JsonNode s = resource(c, "baseItem");
        String derived = "{\"createdBy\": {\"user\": {\"@odata.type\": \"#microsoft.graph.teamworkUserIdentity\", \"id\": \"1\","
                + " \"displayName\": \"A\", \"userIdentityType\": \"aadUser\"}}}";
        assertEquals(List.of(), check(s, derived));
        // the derived type is closed: a property neither it nor its base has is an error
        assertFalse(check(s, derived.replace("\"displayName\"", "\"displayNam\"")).isEmpty());
        // and its own enum holds
        assertFalse(check(s, derived.replace("aadUser", "aadUserX")).isEmpty());
        // a plain identity does not have userIdentityType
        assertFalse(check(s, "{\"createdBy\": {\"user\": {\"id\": \"1\", \"userIdentityType\": \"aadUser\"}}}").isEmpty());
    }

    @Test
    void referenceStyleLinksAreFollowed() {
        // baseitem.md: | createdBy | [identitySet][] | ... and "[identitySet]: identityset.md" at the bottom
        Catalog c = v1("baseitem.md", "identityset.md", "identity.md");
        JsonNode s = resource(c, "baseItem");
        assertEquals("#/$defs/identitySet", s.at("/properties/createdBy/else/$ref").asString(), s.at("/properties/createdBy").toString());
        assertFalse(check(s, "{\"createdBy\": {\"user\": {\"displayName\": 1}}}").isEmpty());
        assertEquals(List.of(), check(s, "{\"createdBy\": {\"user\": {\"displayName\": \"A\", \"id\": \"1\"}}}"));
    }

    @Test
    void anEnumLinkedIntoASharedEnumsPageTakesItsSectionsMembers() {
        // channel.md: membershipType is [channelMembershipType](../resources/enums.md#channelmembershiptype-values);
        // enums.md holds ~150 enums, each a one-column Member table under its own heading
        Catalog c = v1("channel.md", "enums.md");
        JsonNode s = resource(c, "channel");
        assertEquals("[\"standard\",\"private\",\"unknownFutureValue\",null]", s.at("/properties/membershipType/enum").toString());
        assertEquals(List.of(), check(s, "{\"membershipType\": \"private\"}"));
        assertFalse(check(s, "{\"membershipType\": \"shared\"}").isEmpty());
    }

    @Test
    void aFlagEnumAcceptsCommaSeparatedMembers() {
        // windowsArchitecture: none 0, x86 1, x64 2, arm 4, neutral 8 ("No flags set.")
        Catalog c = v1("intune-apps-windowsuniversalappx.md", "intune-apps-windowsarchitecture.md");
        JsonNode s = resource(c, "windowsUniversalAppX");
        assertTrue(s.at("/properties/applicableArchitectures/" + SchemaBuilder.FLAGS).asBoolean(), s.at("/properties/applicableArchitectures").toString());
        assertEquals(List.of(), check(s, "{\"applicableArchitectures\": \"x86,x64\"}"));
        assertEquals(List.of(), check(s, "{\"applicableArchitectures\": \"arm\"}"));
        assertEquals(List.of(), check(s, "{\"applicableArchitectures\": \"x86, arm, neutral\"}"));
        assertFalse(check(s, "{\"applicableArchitectures\": \"x86,ia64\"}").isEmpty());
        assertFalse(check(s, "{\"applicableArchitectures\": \"x86,\"}").isEmpty());
    }

    @Test
    void plainPagesNeverPutTranslatedWordsIntoEnums() throws IOException {
        // samples/plain-pages: the vppToken family as published plain; the enum pages translate member names
        // ("допустимый", "válido") and so do the descriptions' value lists
        Path plain = Path.of("../samples/plain-pages");
        List<CatalogBuilder.Input> in = new ArrayList<>();
        try (Stream<Path> files = Files.walk(plain)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                in.add(new CatalogBuilder.Input(PageParser.parse(f), plain.relativize(f).toString().replace('\\', '/')));
            }
        }
        Catalog c = CatalogBuilder.build(in).catalog().forApiVersion("beta");
        int enums = 0;
        int openStates = 0;
        for (SchemaVersion v : c.allVersions()) {
            List<String> values = new ArrayList<>();
            v.schema().findValues("enum").forEach(e -> e.forEach(x -> {
                if (x.isString()) {
                    values.add(x.asString());
                }
            }));
            enums += values.size();
            for (String x : values) {
                assertTrue(x.matches("[A-Za-z_][A-Za-z0-9_]*"), v.entity() + " " + v.operation() + " " + v.id() + ": " + x);
            }
            JsonNode state = v.schema().at("/properties/state");
            if (!state.isMissingNode()) {
                // a closed list rejects the translated words; where the page gave no English for every member the
                // enum is left open (a string) rather than incomplete
                assertEquals(List.of(), check(v.schema(), "{\"state\": \"valid\"}"), v.entity() + " " + v.id());
                if (state.has("enum")) {
                    assertFalse(check(v.schema(), "{\"state\": \"допустимо\"}").isEmpty(), v.entity() + " " + v.id());
                    assertFalse(check(v.schema(), "{\"state\": \"válido\"}").isEmpty(), v.entity() + " " + v.id());
                } else {
                    openStates++;
                }
            }
        }
        assertTrue(enums > 0, "the plain vppToken pages still give some English enum values");
        assertTrue(openStates > 0, "some plain versions translate the state members: their enum is left open");
    }

    @Test
    void tablesDescribingTheJsonInsideAStringPropertyAreNotProperties() {
        // tokenLifetimePolicy: Properties (definition: String ...) and, under it, the properties of the JSON string that
        // `definition` holds (AccessTokenLifetime, Version)
        Catalog c = v1("tokenlifetimepolicy.md");
        JsonNode s = resource(c, "tokenLifetimePolicy");
        assertTrue(s.path("properties").has("definition"));
        assertFalse(s.path("properties").has("Version"), s.path("properties").propertyNames().toString());
        assertFalse(s.path("properties").has("AccessTokenLifetime"));
        assertEquals(List.of(), check(s, "{\"definition\": [\"{\\\"TokenLifetimePolicy\\\":{\\\"Version\\\":1}}\"],"
                + " \"displayName\": \"p\"}"));
        assertFalse(check(s, "{\"Version\": 1}").isEmpty());
    }

    @Test
    void entityNamesAreTheTypesOwnIdentifier() {
        // baseitem.md: title "BaseItem resource type", resource block "@odata.type": "microsoft.graph.baseItem";
        // orgcontact.md: block "microsoft.graph.orgcontact", title "orgContact resource type";
        // contract.md: block "microsoft.graph.contract", title "Contract resource type"
        Catalog c = v1("baseitem.md", "orgcontact.md", "contract.md");
        assertTrue(c.entities().containsAll(List.of("baseItem", "orgContact", "contract")), c.entities().toString());
        assertFalse(c.entities().contains("BaseItem") || c.entities().contains("orgcontact") || c.entities().contains("Contract"));
        assertEquals(List.of(), check(resource(c, "orgContact"), "{\"@odata.type\": \"#microsoft.graph.orgContact\"}"));
    }

    @Test
    void capitalizedTitleWordsGiveWayToTheIdentifierTheDocsUse() {
        // beta contract.md declares "microsoft.graph.Contract" (v1.0's declares "contract"); dynamics-dimension.md is
        // "Dimensions resource type"; identityuserflow.md is titled and declared "UserFlow" in both API versions, and
        // v1.0's b2xidentityuserflow.md "Inherits from base class [identityUserFlow](../resources/identityuserflow.md)";
        // "Update Localized organizationalbrandingproperties" updates an organizationalBrandingProperties; "Create userFlow"
        // (identityuserflow-post-userflows.md) creates the type titled "UserFlow", so an identityUserFlow
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : List.of("v1.0/resources/contract.md", "beta/resources/contract.md", "beta/resources/dynamics-dimension.md",
                "v1.0/resources/identityuserflow.md", "v1.0/resources/b2xidentityuserflow.md", "beta/resources/identityuserflow.md",
                "beta/resources/organizationalbrandingproperties.md", "beta/api/organizationalbrandingpropertieslocalization-update.md",
                "beta/api/identityuserflow-post-userflows.md")) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve(f)), f));
        }
        Catalog c = CatalogBuilder.build(in).catalog();
        java.util.Set<String> beta = c.forApiVersion("beta").entities();
        java.util.Set<String> v1 = c.forApiVersion("v1.0").entities();
        assertTrue(beta.containsAll(List.of("contract", "dimension", "identityUserFlow", "organizationalBrandingProperties")), beta.toString());
        assertTrue(v1.containsAll(List.of("contract", "identityUserFlow", "b2xIdentityUserFlow")), v1.toString());
        for (String junk : List.of("Contract", "Dimensions", "UserFlow", "Localized")) {
            assertFalse(beta.contains(junk) || v1.contains(junk), junk + " in " + beta + " / " + v1);
        }
        assertTrue(c.forApiVersion("beta").operationKinds("organizationalBrandingProperties").contains(OperationKind.UPDATE));
        assertFalse(beta.contains("userFlow"), beta.toString());
        assertTrue(c.forApiVersion("beta").operationKinds("identityUserFlow").contains(OperationKind.CREATE));
        assertEquals("identityUserFlow", PageParser.parse(ROOT.resolve("v1.0/resources/b2xidentityuserflow.md")).baseType().name());
    }

    @Test
    void aTemplateFromTheServiceRootIsRoutable() {
        // onpremisesagentgroup-update.md documents only "PATCH ~/onPremisesPublishingProfiles/{publishingType}/agentGroups"
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : List.of("beta/resources/onpremisesagentgroup.md", "beta/api/onpremisesagentgroup-update.md")) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve(f)), f));
        }
        List<DocumentedOperation> ops = CatalogBuilder.build(in).catalog().forApiVersion("beta").operations();
        assertTrue(ops.stream().anyMatch(o -> o.method().equals("PATCH")
                && o.pathTemplate().equals("/onPremisesPublishingProfiles/{publishingType}/agentGroups")
                && o.operation() == OperationKind.UPDATE), ops.toString());
        assertFalse(ops.stream().anyMatch(o -> o.pathTemplate().contains("~")), ops.toString());
        assertEquals("/print/printers/{id}/jobs", CatalogBuilder.pathTemplate(" print/printers/{id}/jobs"));
        assertEquals("/me", CatalogBuilder.pathTemplate("~/me"));
    }

    @Test
    void titleWordsThatAreNoTypeMakeNoEntity() {
        // "Create and send a notification" (notifications-post), "Create or replace an activity" (projectrome-put-activity)
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : List.of("beta/api/notifications-post.md", "beta/api/projectrome-put-activity.md")) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve(f)), f));
        }
        CatalogBuilder.Result r = CatalogBuilder.build(in);
        java.util.Set<String> entities = r.catalog().forApiVersion("beta").entities();
        assertFalse(entities.contains("and") || entities.contains("or"), entities.toString());
    }

    // ---- the truth check's graphlint defects (both snapshots), one cause each

    @Test
    void aPropertyNameHeaderMakesAPropertyTable() {
        // listitem.md: "| Property name | Type | Description |", contentType ([contentTypeInfo][]) and the inherited
        // rows of baseItem in a second table of the same section
        Catalog c = v1("listitem.md", "baseitem.md", "identityset.md", "identity.md");
        JsonNode s = resource(c, "listItem");
        assertTrue(s.path("properties").has("contentType"), s.path("properties").toString());
        assertTrue(s.path("properties").has("sharepointIds"), s.path("properties").toString());
        assertEquals(List.of(), check(s, "{\"id\": \"1\", \"contentType\": {\"id\": \"0x01\", \"name\": \"Item\"}}"));
    }

    @Test
    void aNameTypeHeaderUnderPropertiesMakesAPropertyTable() {
        // projectrome-historyitem.md: "| Name | Type | Description |" under Properties: activeDurationSeconds is an int
        Catalog c = v1("projectrome-historyitem.md");
        JsonNode s = resource(c, "activityHistoryItem");
        assertEquals(List.of(), check(s, "{\"activeDurationSeconds\": 12}"));
        assertFalse(check(s, "{\"activeDurationSeconds\": \"12\"}").isEmpty());
    }

    @Test
    void aRowWithoutTheLeadingPipeAfterACompleteRowIsARowOfItsOwn() {
        // call.md: "<span>toneInfo</span> | [toneInfo](toneinfo.md) | ..." and the incomingContext row, no leading '|'
        Catalog c = v1("call.md");
        JsonNode s = resource(c, "call");
        assertTrue(s.path("properties").has("toneInfo"), s.path("properties").toString());
        assertTrue(s.path("properties").has("incomingContext"), s.path("properties").toString());
    }

    @Test
    void aLinkToAnotherTypesPageTakesTheTypeItNames() {
        // call.md: targets is "[invitationParticipantInfo](participantinfo.md) collection"; the JSON representation and
        // the service say invitationParticipantInfo, which has a page of its own (replacesCallId)
        Catalog c = v1("call.md", "invitationparticipantinfo.md", "participantinfo.md");
        JsonNode s = resource(c, "call");
        assertEquals(List.of(), check(s, "{\"targets\": [{\"replacesCallId\": \"1\"}]}"));
        assertFalse(check(s, "{\"targets\": [{\"replacesCallIds\": \"1\"}]}").isEmpty());
    }

    @Test
    void collectionInsideATypeNameIsNotTheWordCollection() {
        // site.md: | siteCollection | [siteCollection](sitecollection.md) |: one siteCollection, not a collection of site
        Catalog c = v1("site.md", "sitecollection.md");
        JsonNode s = resource(c, "site");
        assertEquals(List.of(), check(s, "{\"siteCollection\": {\"hostname\": \"contoso.sharepoint.com\"}}"));
        assertFalse(check(s, "{\"siteCollection\": [{\"hostname\": \"contoso.sharepoint.com\"}]}").isEmpty());
    }

    @Test
    void aTableAndItsJsonRepresentationDisagreeingOnCollectionAcceptBoth() {
        // presence.md: availability is "string collection" in the table and "availability": "string" in the JSON
        Catalog c = v1("presence.md");
        JsonNode s = resource(c, "presence");
        assertEquals(List.of(), check(s, "{\"availability\": \"Available\", \"activity\": \"Available\"}"));
        assertEquals(List.of(), check(s, "{\"availability\": [\"Available\"]}"));
        assertFalse(check(s, "{\"availability\": 1}").isEmpty());
        assertFalse(check(s, "{\"availability\": [1]}").isEmpty());
    }

    @Test
    void aStringRowShownAsABooleanInTheJsonAcceptsBoth() {
        // beta textColumn.md: | **allowMultipleLines** | string | ...; its JSON representation: "allowMultipleLines": true
        // (a complex type: built as the builder builds a linked type's page)
        String f = "beta/resources/textColumn.md";
        PageFacts page = PageFacts.of(PageParser.parse(ROOT.resolve(f)), f);
        JsonNode s = new SchemaBuilder(new PageIndex(List.of(page))).build(page).orElseThrow().schema();
        assertEquals(List.of(), check(s, "{\"allowMultipleLines\": true}"));
        assertEquals(List.of(), check(s, "{\"allowMultipleLines\": \"true\"}"));
        assertFalse(check(s, "{\"allowMultipleLines\": [true]}").isEmpty());
    }

    @Test
    void aTypeWithoutPropertiesIsAnEmptyObject() {
        // itemactivity.md: | access | [accessAction][] |; accessaction.md: "no properties", JSON representation {}
        Catalog c = v1("itemactivity.md", "accessaction.md");
        JsonNode s = resource(c, "itemActivity");
        assertEquals(List.of(), check(s, "{\"access\": {}}"));
        assertFalse(check(s, "{\"access\": \"microsoft.graph.accessAction\"}").isEmpty());
        assertFalse(check(s, "{\"access\": {\"x\": 1}}").isEmpty());
    }

    @Test
    void aBaseStatedInProseIsTheBase() {
        // educationpointsoutcome.md: "An [educationOutcome](educationoutcome.md) that gives a numerical grade.";
        // educationassignmentpointsgrade.md: "This creates a subclass from [educationAssignmentGrade](...)"
        Catalog c = v1("educationpointsoutcome.md", "educationoutcome.md", "educationassignmentpointsgrade.md",
                "educationassignmentgrade.md", "identityset.md", "identity.md");
        JsonNode s = resource(c, "educationPointsOutcome");
        assertEquals(List.of(), check(s, "{\"lastModifiedDateTime\": \"2021-08-27T10:00:00Z\", \"points\": {\"points\": 10,"
                + " \"gradedDateTime\": \"2021-08-27T10:00:00Z\"}}"));
        assertFalse(check(s, "{\"points\": {\"gradedDateTimes\": \"2021-08-27T10:00:00Z\"}}").isEmpty());
    }

    @Test
    void aTypeWhoseMethodsAreAllAnotherTypesIsOfThatType() {
        // educationfeedbackoutcome.md states no base, but its Methods table lists only
        // "[Update educationOutcome](../api/educationoutcome-update.md) | [educationOutcome](educationoutcome.md)"
        assertEquals("educationOutcome", PageParser.parse(ROOT.resolve("v1.0/resources/educationfeedbackoutcome.md")).baseType().name());
        // a page listing its own methods gets no base from them
        assertEquals(null, PageParser.parse(ROOT.resolve("v1.0/resources/offershiftrequest.md")).baseType());
        Catalog c = v1("educationfeedbackoutcome.md", "educationfeedback.md", "educationoutcome.md", "identityset.md", "identity.md");
        JsonNode s = resource(c, "educationFeedbackOutcome");
        assertEquals(List.of(), check(s, "{\"lastModifiedDateTime\": \"2021-08-27T10:00:00Z\", \"feedback\": {}}"));
    }

    @Test
    void aTitleWordNoPageDocumentsGivesWayToTheTypeTheResponseDeclares() {
        // worksheet-post-charts.md: "Create Chart"; its response's metadata comment names microsoft.graph.workbookChart,
        // the type chart.md documents ("Chart resource type", resource block microsoft.graph.workbookChart)
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : List.of("v1.0/api/worksheet-post-charts.md", "v1.0/resources/chart.md")) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve(f)), f));
        }
        java.util.Set<String> entities = CatalogBuilder.build(in).catalog().forApiVersion("v1.0").entities();
        assertFalse(entities.contains("Chart"), entities.toString());
        assertTrue(entities.contains("workbookChart"), entities.toString());
        assertTrue(CatalogBuilder.build(in).catalog().forApiVersion("v1.0").operationKinds("workbookChart").contains(OperationKind.CREATE),
                entities.toString());
    }

    @Test
    void anActionParameterOfATypeWithoutASchemaStillGivesTheBodyASchema() throws IOException {
        // call-answer.md: callbackUri (String), acceptedModalities (modality collection), mediaConfig (mediaConfig),
        // participantCapacity (Int32): the body's parameter names are checked even where a type has no schema
        String text = Files.readString(ROOT.resolve("v1.0/api/call-answer.md"));
        List<ActionBodies.Param> params = ActionBodies.parameters(text);
        assertTrue(params.stream().anyMatch(p -> p.name().equals("mediaConfig")), params.toString());
        JsonNode s = ActionBodies.schema(params, Catalog.of("v1.0", List.of(), List.of(), java.util.Map.of()), java.util.Map.of())
                .orElseThrow();
        assertEquals(List.of(), check(s, "{\"callbackUri\": \"https://bot.contoso.com/callback\", \"acceptedModalities\": [\"audio\"],"
                + " \"mediaConfig\": {\"@odata.type\": \"#microsoft.graph.appHostedMediaConfig\", \"blob\": \"<b>\"}}"));
        assertFalse(check(s, "{\"callbackUrl\": \"https://bot.contoso.com/callback\"}").isEmpty());
        assertFalse(check(s, "{\"callbackUri\": 1}").isEmpty());
    }

    @Test
    void aResponseWhoseMetadataNamesTheTypeShowsItsProperties() {
        // offershiftrequest.md lists four properties; the create page's response, declared
        // "@odata.type": "microsoft.graph.offerShiftRequest" in its metadata comment, shows id, createdDateTime, state ...
        List<CatalogBuilder.Input> in = new ArrayList<>();
        in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve("v1.0/resources/offershiftrequest.md")),
                "v1.0/resources/offershiftrequest.md"));
        JsonNode without = resource(CatalogBuilder.build(in).catalog().forApiVersion("v1.0"), "offerShiftRequest");
        assertFalse(without.path("properties").has("createdDateTime"), without.path("properties").toString());
        in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve("v1.0/api/offershiftrequest-post.md")),
                "v1.0/api/offershiftrequest-post.md"));
        JsonNode s = resource(CatalogBuilder.build(in).catalog().forApiVersion("v1.0"), "offerShiftRequest");
        assertEquals(List.of(), check(s, "{\"id\": \"SREQ_1\", \"createdDateTime\": \"2019-09-27T01:01:04.566Z\","
                + " \"state\": \"pending\", \"senderShiftId\": \"SHFT_1\"}"));
    }

    @Test
    void aPrimitiveLinkedToAPageAboutItStaysThatPrimitive() {
        // baseItemVersion.md: | lastModifiedDateTime | [DateTimeOffset](../resources/timestamp.md) |;
        // remoteitem.md: | createdDateTime | Timestamp |
        Catalog c = v1("baseItemVersion.md", "timestamp.md", "remoteitem.md");
        assertEquals(List.of(), check(resource(c, "baseItemVersion"), "{\"lastModifiedDateTime\": \"2021-08-27T10:00:00Z\"}"));
        assertFalse(check(resource(c, "baseItemVersion"), "{\"lastModifiedDateTime\": \"yesterday\"}").isEmpty());
        assertEquals(java.util.Optional.of(GraphTypes.Primitive.DATE_TIME_OFFSET), GraphTypes.primitive("Timestamp"));
        String remoteType = PageParser.parse(ROOT.resolve("v1.0/resources/remoteitem.md")).properties().stream()
                .filter(r -> r.name().equals("createdDateTime")).findFirst().map(r -> r.type()).orElseThrow();
        assertEquals("Timestamp", remoteType);
    }

    @Test
    void anOpenTypeIsMarkedAndItsExamplesCustomDataIsNoProperty() {
        // opentypeextension.md: "openType": true in its resource block; the create page's examples send custom data
        // (companyName, dealValue) that is no property of the type
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : List.of("resources/opentypeextension.md", "resources/extension.md", "resources/entity.md",
                "resources/todo.md", "api/opentypeextension-post-opentypeextension.md")) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve("v1.0/" + f)), "v1.0/" + f));
        }
        assertTrue(in.get(0).page().openType());
        assertFalse(in.get(3).page().openType());
        Catalog c = CatalogBuilder.build(in).catalog().forApiVersion("v1.0");
        JsonNode res = resource(c, "openTypeExtension");
        assertEquals("openTypeExtension", res.path(SchemaBuilder.OPEN_TYPE).asString(null), res.toString());
        assertTrue(res.at("/properties/extensionName").isObject(), res.toString());
        assertFalse(res.at("/properties/companyName").isObject(), res.toString());
        JsonNode create = c.select("openTypeExtension", OperationKind.CREATE, "latest").orElseThrow().schema();
        assertEquals("openTypeExtension", create.path(SchemaBuilder.OPEN_TYPE).asString(null), create.toString());
        assertFalse(create.at("/properties/companyName").isObject(), create.toString());
        // the schema stays closed (the validator makes the open type's unknown properties warnings)
        assertFalse(check(create, "{\"extensionName\": \"Com.Contoso.Referral\", \"myOwnKey\": 1}").isEmpty());
        // a type that is not open (todo, an entity) carries no mark
        assertTrue(resource(c, "todo").path(SchemaBuilder.OPEN_TYPE).isMissingNode());
    }

    @Test
    void aNestedValueOfATypeDerivedFromAnOpenTypeIsMarkedWithTheOpenType() throws IOException {
        // identity.md says "openType": true; teamworkUserIdentity inherits from it; baseItem.createdBy.user is one
        Catalog c = v1(all().toArray(String[]::new));
        JsonNode s = resource(c, "baseItem");
        JsonNode defs = s.path("$defs");
        assertEquals("identity", defs.at("/identity/else/" + SchemaBuilder.OPEN_TYPE).asString(null),
                defs.path("identity").toString());
        assertEquals("identitySet", defs.at("/identitySet/else/" + SchemaBuilder.OPEN_TYPE).asString(null));
        // teamworkUserIdentity's own page does not say it, but it inherits from identity, which is open
        assertEquals("identity", defs.at("/teamworkUserIdentity/else/" + SchemaBuilder.OPEN_TYPE).asString(null));
    }

    @Test
    void aValueRequestsBodyAndItsResponseAreMediaContentNotTheEntity() {
        // userflowlanguagepage-get.md: GET …/defaultPages/idpselections/$value answers with the page's localized strings
        // ({"LocalizedStrings": [...]}), declared as a userFlowLanguagePage response; -put.md sends the same to $value.
        // That is the content of the page's stream, not a property of the entity (the service's type has only id).
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : List.of("resources/userflowlanguagepage.md", "api/userflowlanguagepage-get.md",
                "api/userflowlanguagepage-put.md")) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve("v1.0/" + f)), "v1.0/" + f));
        }
        Catalog c = CatalogBuilder.build(in).catalog().forApiVersion("v1.0");
        JsonNode res = resource(c, "userFlowLanguagePage");
        assertTrue(res.at("/properties/id").isObject(), res.toString());
        assertFalse(res.at("/properties/LocalizedStrings").isObject(), res.toString());
    }

    @Test
    void aNavigationPropertyATableWritesInLowerCaseTakesTheCaseOfTheDocumentedPaths() {
        // schedule.md's Relationships table: "openshifts"; openshift-*.md's paths: /teams/{id}/schedule/openShifts
        // (openshift-post.md also once /schedule/openshifts: the paths' majority wins)
        List<CatalogBuilder.Input> in = new ArrayList<>();
        for (String f : List.of("resources/schedule.md", "api/openshift-list.md", "api/openshift-get.md",
                "api/openshift-post.md")) {
            in.add(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve("v1.0/" + f)), "v1.0/" + f));
        }
        JsonNode s = resource(CatalogBuilder.build(in).catalog().forApiVersion("v1.0"), "schedule");
        assertTrue(s.at("/properties/openShifts").isObject(), s.path("properties").toString());
        assertFalse(s.at("/properties/openshifts").isObject(), s.path("properties").toString());
        // no path writes it otherwise: the table's lower case stays (openshiftchangerequests' pages are not given)
        assertTrue(s.at("/properties/openshiftchangerequests").isObject(), s.path("properties").toString());
        // without the method pages, the table's spelling
        JsonNode alone = resource(v1("schedule.md"), "schedule");
        assertTrue(alone.at("/properties/openshifts").isObject(), alone.path("properties").toString());
    }

    @Test
    void aPlaceholderWhereTheDocsHaveNoPathIsNoTemplate() {
        // intune-partnerintegration-vulnerablemanageddevice-update.md (beta): "PATCH ** Entity URI for
        // microsoft.management.services.api.vulnerableManagedDevice not found"; it was offered as "did you mean"
        String f = "beta/api/intune-partnerintegration-vulnerablemanageddevice-update.md";
        CatalogBuilder.Result r = CatalogBuilder.build(List.of(new CatalogBuilder.Input(PageParser.parse(ROOT.resolve(f)), f)));
        assertEquals(List.of(), r.catalog().forApiVersion("beta").operations().stream()
                .filter(o -> o.pathTemplate().contains("**")).toList());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("is not a path: not routed")), r.notes().toString());
        assertTrue(CatalogBuilder.isTemplate("/users/{id | userPrincipalName}"));
    }
}
