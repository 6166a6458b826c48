package org.graphlint.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.util.List;
import org.graphlint.schema.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** {@link CompiledPatterns}: each pattern compiled once, answering as networknt's JDK expressions do. */
class CompiledPatternsTest {
    @Test
    void aPatternIsCompiledOnceAndAnswersAsNetworkntsOwn() {
        List<String> patterns = List.of(SchemaBuilder.ODATA_ANNOTATION_PATTERN, SchemaBuilder.ODATA_TYPE_PATTERN,
                SchemaBuilder.odataTypePattern("vppToken"), "^[0-9]+$", "a$", "^(x|y)*$");
        List<String> values = List.of("", "@odata.type", "manager@odata.bind", "#microsoft.graph.vppToken",
                "microsoft.graph.ediscovery.legalHold", "Microsoft.Graph.vppToken", "123", "12a", "a\n", "xyxy", "xyz");
        for (String p : patterns) {
            RegularExpression ours = CompiledPatterns.INSTANCE.getRegularExpression(p);
            assertSame(ours, CompiledPatterns.INSTANCE.getRegularExpression(p), p);
            RegularExpression theirs = JDKRegularExpressionFactory.getInstance().getRegularExpression(p);
            for (String v : values) {
                assertEquals(theirs.matches(v), ours.matches(v), p + " on " + v);
            }
        }
    }

    @Test
    void anInvalidPatternThrowsEveryTimeAndIsNotKept() {
        int before = CompiledPatterns.INSTANCE.size();
        assertThrows(RuntimeException.class, () -> CompiledPatterns.INSTANCE.getRegularExpression("(unclosed"));
        assertThrows(RuntimeException.class, () -> CompiledPatterns.INSTANCE.getRegularExpression("(unclosed"));
        assertEquals(before, CompiledPatterns.INSTANCE.size());
    }
}
