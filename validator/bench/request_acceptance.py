"""Helper of request-acceptance.sh: `extract OUT PAGES.jsonl...` writes one .http file per request example;
`report OUT SECONDS` reads OUT/report.json (graphlint validate --format json) and prints the summary."""
import collections
import json
import os
import re
import sys


def extract(out, page_files):
    n = 0
    index = {}
    for pf in page_files:
        with open(pf, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    page = json.loads(line)
                except ValueError:
                    continue
                for i, e in enumerate(page.get("examples") or []):
                    if e.get("kind") != "request" or not e.get("method") or not e.get("url"):
                        continue
                    n += 1
                    name = "r%06d.http" % n
                    body = e.get("body")
                    text = e["method"] + " " + e["url"] + "\n"
                    headers = e.get("headers") or []
                    for h in headers:
                        if isinstance(h, dict) and h.get("name", "").lower() not in ("content-length",):
                            text += "%s: %s\n" % (h.get("name"), h.get("value"))
                    if body is not None:
                        if not any(isinstance(h, dict) and h.get("name", "").lower() == "content-type" for h in headers):
                            text += "Content-Type: application/json\n"
                        text += "\n" + (body if isinstance(body, str) else json.dumps(body, indent=2, ensure_ascii=False)) + "\n"
                    with open(os.path.join(out, "requests", name), "w", encoding="utf-8") as w:
                        w.write(text)
                    index[name] = {"page": page.get("file"), "method": e["method"], "url": e["url"], "body": body is not None}
    with open(os.path.join(out, "index.json"), "w", encoding="utf-8") as w:
        json.dump(index, w)
    print("extracted %d request examples" % n)


# A finding's cause: (doc error | graphlint | unclear, short label). Doc errors are what the example itself gets wrong
# against its own page's documentation; graphlint's are routing or schema gaps.
def cause(f):
    rule, msg = f.get("rule"), f.get("message", "")
    if rule == "http-operation":
        return ("graphlint (route)", "path matches no documented template")
    if rule == "json-syntax" or rule == "http-body-file" or rule == "empty":
        return ("doc error", "example body is not JSON (placeholders, comments, truncation)")
    if rule == "http-body-unchecked":
        return ("graphlint (no schema)", "documented operation without a body schema")
    if rule == "http-body":
        return ("doc error", "body missing or body on a body-less method")
    if rule == "http-content-type":
        return ("doc error", "Content-Type missing or not JSON")
    if rule == "ambiguous-target" or rule == "unknown-entity" or rule == "unknown-operation":
        return ("graphlint (no schema)", rule)
    if rule == "enum":
        m = re.search(r"`([^`]*)` is not an allowed value.*allowed in [^:]*: (.*?);", msg)
        if m and any(v.strip(" `").lower() == m.group(1).lower() for v in m.group(2).split(",")):
            return ("doc error", "enum value in another letter case")
        return ("unclear", "enum value not in the documented list")
    if rule == "type":
        if re.search(r"expected (boolean|integer|number).*found string `(true|false|\d+(\.\d+)?)`", msg):
            return ("doc error", "number or boolean written as a string")
        return ("unclear", "type mismatch")
    if rule == "additionalProperties":
        return ("unclear", "property not in the schema (doc example or builder gap)")
    if rule == "format" or rule == "pattern":
        return ("doc error", "placeholder value in a typed field (" + rule + ")")
    return ("unclear", rule)


CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schema", "src", "main", "resources",
                       "org", "graphlint", "catalog")


def segments(url):
    """A URL or template in a rough copy of PathTemplate's normal form: segments, variables as '{}', path addressing as
    '{:}', parenthesized keys and parameters as '{}', /me as /users/{}, microsoft.graph. prefixes dropped."""
    u = url.strip().split("?")[0].split("#")[0]
    u = re.sub(r"\s+HTTP/\d(\.\d)?$", "", u)
    u = re.sub(r"^https?://[^/]+", "", u)
    u = re.sub(r"^(\{\{[^}]*\}\})+", "", u)
    u = re.sub(r"^~/", "/", u)
    if not u.startswith("/"):
        u = "/" + u
    u = re.sub(r"^/\{[^}]*version[^}]*\}", "", u, flags=re.I)
    u = re.sub(r"^/(beta|v1\.0)(?=/|$)", "", u, flags=re.I)
    u = re.sub(r":/[^:]*:?(?=/|$)", "/{:}", u)            # root:/a/b.txt: -> root/{:}
    u = re.sub(r"\(([^()]*)\)", lambda m: "/{}" if m.group(1).strip() else "", u)
    out = []
    for s in u.split("/"):
        s = s.strip().strip("'\"")
        if not s:
            continue
        if s == "{:}":
            out.append(s)
            continue
        if (s.startswith("{") and s.endswith("}")) or (s.startswith("<") and s.endswith(">")):
            out.append("{}")
            continue
        if s.lower().startswith("microsoft.graph."):
            s = s[16:]
        if "=" in s:
            s = s[:s.index("=") + 1] + "{}"
        out.append(s.lower())
    if out and out[0] == "me":
        out = ["users", "{}"] + out[1:]
    return out


def fits(t, a):
    return len(t) == len(a) and all(x == "{}" and y != "{:}" or x == y or x == "{:}" and y == "{:}" for x, y in zip(t, a))


def example_templates():
    """(api, METHOD) -> [segments] of the templates the catalog took from the pages' own example requests
    (graph.example-paths.tsv, written beside the pack by scripts/build-graph-catalog.sh), and the same for the others."""
    import gzip
    ex = collections.defaultdict(list)
    listed = set()
    path = os.path.join(CATALOG, "graph.example-paths.tsv")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            ex[(f[0], f[1])].append(segments(f[2]))
            listed.add((f[0], f[1], f[2]))
    doc = collections.defaultdict(list)
    api = None
    in_index = set()
    for line in gzip.open(os.path.join(CATALOG, "graph.index.gz"), "rt", encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("api "):
            api = line[4:]
        elif line.startswith("o\t"):
            f = line.split("\t", 4)
            in_index.add((api, f[1], f[4]))
            if (api, f[1], f[4]) not in listed:
                doc[(api, f[1])].append(segments(f[4]))
    missing = listed - in_index
    return ex, doc, missing


def report(out, seconds):
    rep = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
    index = json.load(open(os.path.join(out, "index.json"), encoding="utf-8"))
    files = rep.get("files") or rep.get("fixtures") or []
    total = len(index)
    routed = valid = 0
    unrouted = collections.Counter()
    causes = collections.Counter()
    samples = collections.defaultdict(list)
    seen = set()
    ex_templates, doc_templates, missing = example_templates()
    by_example = 0
    by_example_samples = []
    for fr in files:
        name = os.path.basename(fr.get("file", ""))
        seen.add(name)
        fs = fr.get("findings") or []
        if any(f.get("rule") == "http-operation" for f in fs):
            e = index.get(name, {})
            foreign = re.match(r"https?://(?!graph\.microsoft\.com)", e.get("url", ""), re.I) is not None
            unrouted[("not a Graph URL (a callback to the app) " if foreign else "") + e.get("method", "?")] += 1
            if not foreign and len(samples["unrouted"]) < 40:
                samples["unrouted"].append("%s %s  (%s)" % (e.get("method"), e.get("url"), os.path.basename(e.get("page") or "")))
        else:
            routed += 1
            e = index.get(name, {})
            api = "v1.0" if re.search(r"/v1\.0(/|$)", e.get("url", ""), re.I) else "beta" \
                if re.search(r"/beta(/|$)", e.get("url", ""), re.I) else ("v1.0" if "/v1.0/" in (e.get("page") or "") else "beta")
            key = (api, e.get("method", "").upper())
            segs = segments(e.get("url", ""))
            if any(fits(t, segs) for t in ex_templates.get(key, [])) and not any(fits(t, segs) for t in doc_templates.get(key, [])):
                by_example += 1
                if len(by_example_samples) < 12:
                    by_example_samples.append("%s %s  (%s)" % (e.get("method"), e.get("url"), os.path.basename(e.get("page") or "")))
        errors = [f for f in fs if f.get("severity") == "error"]
        unchecked = any(f.get("rule") == "http-body-unchecked" for f in fs)
        if not errors:
            valid += 1
        for f in fs:
            c = cause(f)
            causes[c] += 1
            if len(samples[c]) < 3:
                samples[c].append("%s: %s %s" % (name, f.get("pointer") or "", f.get("message", "")[:160]))
    print("requests: %d (report has %d files), validated in %s s" % (total, len(files), seconds))
    foreign = sum(k for m, k in unrouted.items() if m.startswith("not a Graph URL"))
    print("routed to a documented operation: %d (%.2f %%; %.2f %% of the %d requests to graph.microsoft.com or relative)"
          % (routed, 100.0 * routed / max(1, total), 100.0 * routed / max(1, total - foreign), total - foreign))
    print("  of these, routed by a path only a page's own example request shows (graph.example-paths.tsv): %d;"
          " routed by a documented template: %d (%.2f %% of the %d requests to Graph)"
          % (by_example, routed - by_example, 100.0 * (routed - by_example) / max(1, total - foreign), total - foreign))
    if missing:
        print("  WARNING: %d example templates listed in graph.example-paths.tsv are not in the catalog's index: the"
              " listing and the pack are from different builds" % len(missing))
    for s in by_example_samples:
        print("    by an example path: " + s[:200])
    print("valid (no error finding): %d (%.2f %%)" % (valid, 100.0 * valid / max(1, total)))
    print("\nnot routed, by method: " + ", ".join("%s %d" % kv for kv in unrouted.most_common()))
    for s in samples["unrouted"]:
        print("  " + s)
    print("\nfindings by cause (who is wrong, what):")
    for (who, what), k in causes.most_common():
        print("  %6d  %-22s %s" % (k, who, what))
        for s in samples[(who, what)]:
            print("            e.g. " + s)


if __name__ == "__main__":
    if sys.argv[1] == "extract":
        extract(sys.argv[2], sys.argv[3:])
    else:
        report(sys.argv[2], sys.argv[3])
