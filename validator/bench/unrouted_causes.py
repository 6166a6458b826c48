"""How many requests of a request acceptance run only an example path routed, and why the others went unrouted: each miss's own page's HTTP request templates are read
from the markdown and compared with the example (normalized roughly as RequestRouter does), and with the catalog.

    python3 validator/bench/unrouted_causes.py [SAMPLES=8]     (after validator/bench/request-acceptance.sh)
"""
import json, os, re, sys, gzip, collections
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
ACC = os.path.join(ROOT, 'target', 'request-acceptance')
INDEX = os.path.join(ROOT, 'schema/src/main/resources/org/graphlint/catalog/graph.index.gz')
ops = collections.defaultdict(list)
api = None
for l in gzip.open(INDEX, 'rt', encoding='utf-8'):
    l = l.rstrip('\n')
    if l.startswith('api '):
        api = l[4:]
    elif l.startswith('o\t'):
        f = l.split('\t', 4)
        ops[api].append((f[1], f[4], f[3], f[2]))

METHOD = re.compile(r'^\s*(GET|POST|PATCH|PUT|DELETE)\s+(\S.*?)\s*$', re.I)
def templates(md):
    out = []
    sec = None
    inblock = False
    for line in open(md, encoding='utf-8', errors='replace'):
        if line.startswith('#'):
            m = re.search(r'<a name="([^"]+)"', line)
            sec = (m.group(1) if m else line).lower()
            continue
        if line.strip().startswith('```'):
            inblock = not inblock
            continue
        if inblock and sec and sec.startswith('http-request'):
            m = METHOD.match(line)
            if m:
                out.append((m.group(1).upper(), m.group(2)))
    return out

def strip(url):
    u = url.strip().split(' ')[0] if not '{' in url else url.strip()
    u = re.sub(r'\s+HTTP/\d\.\d$', '', u)
    u = u.split('?')[0]
    u = re.sub(r'^https?://[^/]+', '', u)
    u = re.sub(r'^\{\{[^}]*\}\}', '', u)
    if not u.startswith('/'): u = '/' + u
    m = re.match(r'^/(beta|v1\.0)(/|$)', u, re.I)
    ver = m.group(1).lower() if m else None
    if m: u = u[len(m.group(1)) + 1:] or '/'
    return u, ver

def segs(path):
    p, _ = strip(path)
    p = re.sub(r"\([^)]*\)", lambda m: '/{}' if m.group(0) != '()' else '', p)
    out = []
    for s in p.split('/'):
        s = s.strip()
        if not s: continue
        if (s.startswith('{') and s.endswith('}')) or (s.startswith('<') and s.endswith('>')): out.append('{}'); continue
        if s.lower().startswith('microsoft.graph.'): s = s[16:]
        if '=' in s: s = s[:s.index('=') + 1] + '{}'
        out.append(s.lower())
    if out and out[0] == 'me': out = ['users', '{}'] + out[1:]
    return out

def match(t, a):
    if len(t) != len(a): return False
    for x, y in zip(t, a):
        if x == '{}':
            continue
        if y == '{}' or x != y: return False
    return True

def routed_by_example(idx, rep, unrouted):
    """How many routed requests only a template the catalog took from a page's own example request routes (the
    acceptance report's figure, request_acceptance.py)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import request_acceptance as ra
    ex, doc, missing = ra.example_templates()
    n = 0
    for fr in rep['files']:
        name = os.path.basename(fr['file'])
        e = idx.get(name)
        if name in unrouted or not e:
            continue
        api = 'v1.0' if re.search(r'/v1\.0(/|$)', e['url'], re.I) else 'beta' if re.search(r'/beta(/|$)', e['url'], re.I) \
            else ('v1.0' if '/v1.0/' in e['page'] else 'beta')
        key = (api, e['method'].upper())
        s = ra.segments(e['url'])
        if any(ra.fits(t, s) for t in ex.get(key, [])) and not any(ra.fits(t, s) for t in doc.get(key, [])):
            n += 1
    return n, len(missing)


def main():
    idx = json.load(open(os.path.join(ACC, 'index.json')))
    rep = json.load(open(os.path.join(ACC, 'report.json')))
    unrouted = set(os.path.basename(fr['file']) for fr in rep['files']
                   if any(f.get('rule') == 'http-operation' for f in fr.get('findings') or []))
    n, missing = routed_by_example(idx, rep, unrouted)
    print('routed by an example path (a template the catalog took from a page\'s own example request): %d%s'
          % (n, '' if not missing else '; WARNING: %d listed example templates are not in the index' % missing))
    print('not routed, by cause:')
    catsegs = {a: [(m, segs(p), p, e, k) for (m, p, e, k) in l] for a, l in ops.items()}
    causes = collections.Counter()
    ex = collections.defaultdict(list)
    for name in sorted(unrouted):
        e = idx[name]
        if re.match(r"https?://(?!graph\.microsoft\.com)", e['url'], re.I):
            continue
        page = e['page']
        pver = 'beta' if '/beta/' in page else 'v1.0'
        path, uver = strip(e['url'])
        ver = uver or 'beta'
        rs = segs(e['url'])
        tpls = templates(page)
        in_page = [t for t in tpls if t[0] == e['method'].upper() and match(segs(t[1]), rs)]
        in_page_any = [t for t in tpls if match(segs(t[1]), rs)]
        other_ver = 'v1.0' if ver == 'beta' else 'beta'
        in_other = [c for c in catsegs.get(other_ver, []) if c[0] == e['method'].upper() and match(c[1], rs)]
        if uver and uver != pver and in_other:
            c = 'example calls another API version than its page (documented there)'
        elif not tpls:
            c = 'page has no HTTP request block the script can read'
        elif in_page:
            cat_has = [c for c in catsegs.get(ver, []) if c[0] == in_page[0][0] and (c[2] == in_page[0][1] or match(c[1], segs(in_page[0][1])))]
            c = 'page template matches, catalog lacks it (parser/builder)' if not cat_has else 'page template matches and catalog has a match (router)'
        elif in_page_any:
            c = 'same path, method not on the page (doc)'
        else:
            c = 'example path not in its page templates'
        causes[c] += 1
        ex[c].append('%s %s  [%s]  tpl: %s' % (e['method'], e['url'], os.path.basename(page), '; '.join(m + ' ' + p for m, p in tpls[:3])))
    for c, n in causes.most_common():
        print(n, c)
        for s in ex[c][:int(sys.argv[1]) if len(sys.argv) > 1 else 8]:
            print('     ', s[:300])
main()
