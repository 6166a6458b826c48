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
