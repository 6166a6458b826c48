package org.graphlint.validate;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.concurrent.ConcurrentHashMap;

/**
 * networknt's JDK regular expressions, each pattern compiled once per run. graphlint's schemas repeat a few patterns
 * everywhere (every object's {@code patternProperties} for OData annotations, the {@code @odata.type} pattern of each
 * type): {@code lint} compiles a schema per method page, and compiling their patterns again for every page was a
 * fifteenth of its examples pass. The expressions are networknt's own (same syntax, same answers) and thread-safe.
 * At most {@link #MAX_PATTERNS} are kept; past that a pattern is compiled on every call, as before.
 */
final class CompiledPatterns implements RegularExpressionFactory {
    static final CompiledPatterns INSTANCE = new CompiledPatterns();
    static final int MAX_PATTERNS = 4096;

    private final ConcurrentHashMap<String, RegularExpression> compiled = new ConcurrentHashMap<>();

    private CompiledPatterns() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        RegularExpression re = compiled.get(regex);
        if (re != null) {
            return re;
        }
        re = JDKRegularExpressionFactory.getInstance().getRegularExpression(regex); // an invalid pattern throws, uncached
        if (compiled.size() < MAX_PATTERNS) {
            RegularExpression had = compiled.putIfAbsent(regex, re);
            if (had != null) {
                return had;
            }
        }
        return re;
    }

    /** How many patterns are kept (tests). */
    int size() {
        return compiled.size();
    }
}
