"""Fixtures of graph-startup.sh: `WORK N PER` writes WORK/one/user-update.json, WORK/10k/ (10,000 copies) and
WORK/mix50/ENTITY/ (PER bodies for each of N entities' update schemas, from WORK/export). Each body is ~1 KB of the
schema's plain string properties (no format, pattern or enum), so that it is valid for every validator alike."""
import json
import os
import shutil
import sys


def plain_strings(schema):
    out = []
    for name, p in (schema.get("properties") or {}).items():
        if name.startswith("@") or p.get("readOnly"):
            continue
        t = p.get("type")
        if (t == "string" or t == ["string", "null"]) and not any(k in p for k in ("format", "pattern", "enum", "const", "maxLength")):
            out.append(name)
    return out


def body(names, size=1000):
    b = {}
    i = 0
    while len(json.dumps(b)) < size and names:
        n = names[i % len(names)]
        b[n] = (b.get(n, "") + "value of %s " % n)[:200]
        i += 1
        if i > 400:
            break
    return b


def main(work, n, per):
    export = os.path.join(work, "export", "beta")
    user_dir = os.path.join(export, "user", "update")
    user_schema = json.load(open(os.path.join(user_dir, sorted(os.listdir(user_dir))[-1])))
    os.makedirs(os.path.join(work, "one"), exist_ok=True)
    one = os.path.join(work, "one", "user-update.json")
    json.dump(body(plain_strings(user_schema)), open(one, "w"), indent=2)
    os.makedirs(os.path.join(work, "10k"), exist_ok=True)
    for i in range(10000):
        shutil.copyfile(one, os.path.join(work, "10k", "user-update-%05d.json" % i))
    candidates = []
    for entity in sorted(os.listdir(export)):
        d = os.path.join(export, entity, "update")
        if not os.path.isdir(d) or not entity.isalnum() or not entity[0].islower() or len(entity) < 4:
            continue
        path = os.path.join(d, sorted(os.listdir(d))[-1])
        names = plain_strings(json.load(open(path)))
        if len(names) >= 3:
            candidates.append((entity, path, names))
    # spread over the alphabet (all of Graph, not fifty Intune profiles)
    step = max(1, len(candidates) // n)
    picked = 0
    for entity, path, names in candidates[::step][:n]:
        out = os.path.join(work, "mix50", entity)
        os.makedirs(out, exist_ok=True)
        open(os.path.join(out, "schema-path"), "w").write(path)
        text = json.dumps(body(names), indent=2)
        for i in range(per):
            open(os.path.join(out, "%s-update-%04d.json" % (entity, i)), "w").write(text)
        picked += 1
    print("fixtures: 1 user update body (%d bytes), 10,000 copies, %d entities x %d" % (os.path.getsize(one), picked, per))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
