#!/usr/bin/env bash
# Findings-time benchmark (issue 15, item 4): how long `graphlint validate` takes on bodies full of findings, from
# 1 KB to 16 MB. Two shapes of body: a vppToken update whose array holds N items, each with a bad enum value and an
# unknown key (2 findings per item, each checked against the other versions' errors), and one object with N unknown
# keys. Linear means the time per MB stays flat as the body grows (the first rows are dominated by JVM start).
# Usage: scripts/findings-bench.sh [ROUNDS=3]   (medians of ROUNDS runs; needs cli/target/graphlint.jar, or builds it)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/graphlint-findings-XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys, os
d = sys.argv[1]
item = '{"actionState": "stuck", "actionNam": "x"}'
for kb in (1, 4, 16, 64, 256, 1024, 4096, 16384):
    n = max(1, (kb * 1024 - 30) // (len(item) + 2))
    with open(os.path.join(d, f"items-{kb}k-update.json"), "w") as f:
        f.write('{"tokenActionResults": [\n' + ",\n".join([item] * n) + "\n]}\n")
    m = max(1, (kb * 1024 - 4) // 16)
    with open(os.path.join(d, f"keys-{kb}k-update.json"), "w") as f:
        f.write("{" + ",\n".join(f'"unknown{i:06d}": 1' for i in range(m)) + "}\n")
PY

echo "load before: $(uptime | sed 's/.*load average: //')"
printf '%-26s %10s %10s %10s %12s\n' body bytes findings seconds "s per MB"
for shape in items keys; do
    for kb in 1 4 16 64 256 1024 4096 16384; do
        f="$work/$shape-${kb}k-update.json"
        times=()
        for ((r = 0; r < rounds; r++)); do
            s="$(date +%s.%N)"
            "$root/graphlint" validate --entity vppToken --operation update --max-size 64m --format json "$f" >"$work/report.json" || true
            e="$(date +%s.%N)"
            times+=("$(echo "$e - $s" | bc)")
        done
        med="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
        bytes="$(stat -c %s "$f")"
        findings="$(python3 -c "
import json,sys,re
r=json.load(open('$work/report.json'))
fs=[f for x in r.get('files',[]) for f in x.get('findings',[])]
c=[f for f in fs if f.get('rule')=='findings-capped']
more=int(re.search(r'and ([\d,]+) more',c[0]['message']).group(1).replace(',','')) if c else 0
print(len(fs)-len(c)+more)")"
        printf '%-26s %10d %10d %10.2f %12.3f\n' "$shape-${kb}k" "$bytes" "$findings" "$med" "$(echo "$med * 1048576 / $bytes" | bc -l)"
    done
done
echo "load after: $(uptime | sed 's/.*load average: //')"
