package org.graphlint.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.OperationKind;

/**
 * One JSON body of a fixture: parsed, given its target, explained, and its findings placed on lines and columns of the
 * body's source text. Thread-safe.
 */
final class BodyChecker {

    /**
     * What says where a body goes: the catalog (API version) it is checked in, the entity and operation its request or
     * file name points to (either may be null), and a target that overrides them all (null: choose one).
     */
    record Hints(Catalog catalog, String entity, OperationKind operation, Target forced) {
    }

    /** A body's findings (request index set, no file name) and the target it was checked against (null: none found). */
    record Checked(List<Finding> findings, Target target) {
    }

    private final TargetResolver targets;
    private final FindingExplainer explainer;

    BodyChecker(TargetResolver targets, FindingExplainer explainer) {
        this.targets = targets;
        this.explainer = explainer;
    }

    /** A body's text, starting {@code lineShift} lines down its fixture, of request {@code request} (0 in a JSON file). */
    Checked check(String body, int lineShift, int request, Hints hints, ValidateOptions o) {
        SourceText.Parsed p = SourceText.parse(body);
        if (p.problem() != null) {
            return new Checked(List.of(p.problem().in(null, request).shifted(lineShift)), null);
        }
        return check(p, () -> body, lineShift, request, hints, o);
    }

    /** A parsed body against its target; the source text is only asked for when there are findings to place. */
    Checked check(SourceText.Parsed p, Supplier<String> source, int lineShift, int request, Hints hints,
            ValidateOptions o) {
        Target t = hints.forced();
        if (t == null) {
            TargetResolver.Resolution r = targets.choose(hints.catalog(), p.node(), hints.entity(), hints.operation(), o);
            if (r instanceof TargetResolver.Missing m) {
                return new Checked(List.of(m.why().in(null, request).at(1 + lineShift, 1)), null);
            }
            t = ((TargetResolver.Found) r).target();
        }
        List<Finding> fs = explainer.explain(t, p.node());
        if (fs.isEmpty()) {
            return new Checked(List.of(), t);
        }
        Set<String> wanted = new HashSet<>();
        for (Finding f : fs) {
            if (f.pointer() != null) {
                wanted.add(f.pointer());
                wanted.add(parent(f.pointer()));
            }
        }
        SourceText.Positions pos = SourceText.locate(source.get(), wanted);
        List<Finding> out = new ArrayList<>(fs.size());
        for (Finding f : fs) {
            int[] lc = null;
            if (f.pointer() != null) {
                boolean name = f.rule().equals("additionalProperties") || f.rule().equals("unevaluatedProperties");
                lc = name ? pos.name(f.pointer()) : pos.value(f.pointer());
                if (lc == null) {
                    lc = pos.value(f.pointer());
                }
                if (lc == null) {
                    lc = pos.value(parent(f.pointer()));
                }
            }
            Finding g = f.in(null, request);
            if (lc != null) {
                g = g.at(lc[0], lc[1]);
            }
            out.add(g.shifted(lineShift));
        }
        return new Checked(out, t);
    }

    private static String parent(String pointer) {
        int i = pointer.lastIndexOf('/');
        return i <= 0 ? "" : pointer.substring(0, i);
    }
}
