package org.graphlint.bench;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.concurrent.TimeUnit;
import org.graphlint.schema.OperationKind;
import org.graphlint.validate.PayloadValidator;
import org.graphlint.validate.Target;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library against a bare networknt validation of the same schema (the embedded vppToken create latest, compiled
 * with the same settings: draft 2020-12, format assertions on) and the same in-memory payload (the 2021 seed page's
 * request example, about 1 KB). Target: library ≤ 1.1× bare for the valid payload.
 *
 * <ul>
 *   <li>{@code *Node}: a parsed {@code JsonNode} in, errors / findings out.</li>
 *   <li>{@code *Text}: a JSON string in (parsing included on both sides).</li>
 *   <li>{@code *Invalid*}: a payload with one enum error; the library then also explains it (other versions, nearest
 *       values) and, from text, finds its line and column — work bare networknt does not do.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class ValidateBench {

    static final String VALID = """
            {
              "@odata.type": "#microsoft.graph.vppToken",
              "organizationName": "Organization Name value",
              "vppTokenAccountType": "education",
              "appleId": "Apple Id value",
              "expirationDateTime": "2016-12-31T23:57:57.2481234-08:00",
              "lastSyncDateTime": "2017-01-01T00:02:49.3205976-08:00",
              "token": "Token value",
              "state": "valid",
              "tokenActionResults": [
                {
                  "@odata.type": "microsoft.graph.vppTokenActionResult",
                  "actionName": "Action Name value",
                  "actionState": "pending",
                  "startDateTime": "2016-12-31T23:58:46.7156189-08:00",
                  "lastUpdatedDateTime": "2017-01-01T00:00:56.8321556-08:00"
                }
              ],
              "lastSyncStatus": "inProgress",
              "automaticallyUpdateApps": true,
              "countryOrRegion": "Country Or Region value",
              "dataSharingConsentGranted": true,
              "displayName": "Display Name value",
              "locationName": "Location Name value",
              "claimTokenManagementFromExternalMdm": true,
              "roleScopeTagIds": [
                "Role Scope Tag Ids value"
              ]
            }
            """;
    static final String INVALID = VALID.replace("\"education\"", "\"enterprise\"");

    PayloadValidator library;
    Target target;
    Schema bare;
    JsonNode validNode;
    JsonNode invalidNode;

    @Setup
    public void setup() {
        library = PayloadValidator.embedded();
        target = library.target("vppToken", OperationKind.CREATE, "latest");
        bare = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build()))
                .getSchema(target.version().schema());
        JsonMapper m = JsonMapper.builder().build();
        validNode = m.readTree(VALID);
        invalidNode = m.readTree(INVALID);
        if (!library.validate(target, validNode).isEmpty() || !bare.validate(validNode).isEmpty()
                || library.validate(target, invalidNode).size() != 1 || bare.validate(invalidNode).size() != 1) {
            throw new IllegalStateException("the payloads do not give the expected results");
        }
    }

    @Benchmark
    public Object bareNode() {
        return bare.validate(validNode);
    }

    @Benchmark
    public Object libraryNode() {
        return library.validate(target, validNode);
    }

    @Benchmark
    public Object bareText() {
        return bare.validate(VALID, InputFormat.JSON);
    }

    @Benchmark
    public Object libraryText() {
        return library.validate(target, VALID);
    }

    @Benchmark
    public Object bareInvalidNode() {
        return bare.validate(invalidNode);
    }

    @Benchmark
    public Object libraryInvalidNode() {
        return library.validate(target, invalidNode);
    }

    @Benchmark
    public Object libraryInvalidText() {
        return library.validate(target, INVALID);
    }
}
