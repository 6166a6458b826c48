package org.graphlint.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graphlint.schema.Catalog;
import org.graphlint.schema.DocumentedOperation;
import org.graphlint.schema.OperationKind;
import tools.jackson.databind.JsonNode;

/**
 * Fixtures read and routed exactly as {@code graphlint validate} reads and routes them, for tools that do something
 * else with the bodies (convert them, rewrite them): the same size limit and strict UTF-8 reading, the same
 * {@code .http} request parsing, and the same choice of entity, operation and API version per body.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture's text, or the input finding (no file name) that says why it could not be read. */
    public record Text(String text, boolean bom, Finding problem) {
    }

    /** A header line of a {@code .http} request; {@code line} is 1-based. */
    public record Header(String name, String value, int line) {
    }

    /**
     * One request of a {@code .http} file: {@code body} is the text after the blank line up to the last non-blank line
     * of the request (the file's own line breaks), starting on line {@code bodyLine}; null without a body. A request
     * that could not be parsed has only {@code index} and {@code problem}.
     */
    public record Request(int index, int line, String method, String url, List<Header> headers, String body,
            int bodyLine, Finding problem) {

        public Header header(String name) {
            for (Header h : headers) {
                if (h.name().equalsIgnoreCase(name)) {
                    return h;
                }
            }
            return null;
        }

        /** The file the body names instead of holding JSON ({@code < ./body.json}), or null. */
        public String bodyFile() {
            return HttpFile.bodyFile(body);
        }
    }

    /** Where a body goes: a target (schema version picked by the options' selector), or the finding why none. */
    public record Route(Target target, Finding problem) {
    }

    /** Reads a fixture as validate does (one read, the {@code --max-size} limit, strict UTF-8, BOM noted). */
    public static Text read(Path file, ValidateOptions options) {
        FixtureReader.Read read = FixtureReader.read(file, options);
        if (read instanceof FixtureReader.Unread u) {
            return new Text(null, false, u.why());
        }
        SourceText.Decoded d = SourceText.decode(((FixtureReader.Bytes) read).bytes());
        return new Text(d.text(), d.bom(), d.problem());
    }

    /** A parsed JSON body, or the input finding (position within the body) that says why it is not JSON. */
    public record Json(JsonNode node, Finding problem) {
    }

    /**
     * True when the body is valid against the target (errors only; warnings such as {@code readOnly} do not count):
     * the pre-check's proof where it has one, else networknt's verdict. Cheaper than {@link PayloadValidator#validate}
     * when only the verdict is wanted.
     */
    public static boolean valid(PayloadValidator validator, Target target, JsonNode body) {
        if (validator.schemas().quickCheck(target).certainlyValid(body)) {
            return true;
        }
        for (Finding f : validator.validate(target, body)) {
            if (f.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the pre-check proves the body valid against the target without networknt; false means only "not
     * proven" (networknt would decide). Costs a walk of the body, no allocation of findings.
     */
    public static boolean provenValid(PayloadValidator validator, Target target, JsonNode body) {
        return validator.schemas().quickCheck(target).certainlyValid(body);
    }

    /** Parses a body as validate does: duplicate names, nesting deeper than 500 levels and trailing content refused. */
    public static Json parse(String text) {
        SourceText.Parsed p = SourceText.parse(text);
        return new Json(p.node(), p.problem());
    }

    /** The requests of a {@code .http} file's text. */
    public static List<Request> requests(String text) {
        List<Request> out = new ArrayList<>();
        for (HttpFile.Request r : HttpFile.parse(text)) {
            List<Header> hs = new ArrayList<>(r.headers().size());
            r.headers().forEach(h -> hs.add(new Header(h.name(), h.value(), h.line())));
            out.add(new Request(r.index(), r.line(), r.method(), r.url(), List.copyOf(hs), r.body(), r.bodyLine(),
                    r.problem()));
        }
        return out;
    }

    /**
     * The schema a body is checked against, chosen as validate chooses it: the options' entity and operation, else the
     * request's documented operation (and its API version, from the URL), else {@code @odata.type} and the operation
     * word of {@code fileName} ({@code create-valid.json}). {@code request} is null for a JSON file.
     */
    public static Route route(PayloadValidator validator, String fileName, Request request, JsonNode body,
            ValidateOptions options) {
        Catalog cat = validator.catalog();
        String entity = null;
        OperationKind kind = null;
        if (request != null && request.url() != null) {
            cat = validator.targets().catalogFor(request.url());
            DocumentedOperation op = operation(validator, request.method(), request.url());
            if (op != null) {
                entity = op.entity();
                kind = op.operation();
            }
        } else if (options.operation() == null) {
            kind = TargetResolver.operationInName(fileName);
        }
        TargetResolver.Resolution r = validator.targets().choose(cat, body, entity, kind, options);
        return r instanceof TargetResolver.Found f ? new Route(f.target(), null)
                : new Route(null, ((TargetResolver.Missing) r).why());
    }

    /** The documented operation a request line names in the catalog (API version from the URL), or null. */
    public static DocumentedOperation operation(PayloadValidator validator, String method, String url) {
        TargetResolver targets = validator.targets();
        RequestRouter.Route route = targets.router(targets.catalogFor(url)).route(method, url);
        return route.kind() == RequestRouter.Kind.OPERATION ? route.operation() : null;
    }
}
