#!/usr/bin/env bash
# graphlint convert against graphlint validate over the same fixtures (default 10,000), alternately, ROUNDS rounds
# (default 5), in one run: wall and CPU seconds per command, medians, and the ratio convert/validate per round.
#
#   convert/bench/convert-vs-validate.sh [ROUNDS] [FIXTURES]
#
# Fixtures: the bundled vppToken request fixtures (create-valid.json, create-valid.http, update-valid.http of every
# dated folder), copied round-robin into a temporary folder. validate checks them against latest; convert converts
# them to 2018-12-18 (most lose roleScopeTagIds), as a dry run (report only), and once more with --in-place on a fresh
# copy (each fixture that changes is rewritten through a temporary file and a rename). The launcher's class-data
# archive is trained on validate only; GRAPHLINT_NO_CDS=1 compares the two without it.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-5}"
n="${2:-10000}"
[ -f cli/target/graphlint.jar ] || mvn -B -q -DskipTests package
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/fx"
src=()
for d in samples/payloads/vppToken/*/; do
  for f in create-valid.json create-valid.http update-valid.http; do
    [ -f "$d$f" ] && src+=("$d$f")
  done
done
# one process writes them all (a cp per file costs minutes on a loaded machine)
python3 - "$work/fx" "$n" "${src[@]}" <<'PY'
import os, sys
out, n, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
data = [open(s, 'rb').read() for s in srcs]
for i in range(n):
    k = i % len(srcs)
    with open(os.path.join(out, '%05d-%s' % (i, os.path.basename(srcs[k]))), 'wb') as f:
        f.write(data[k])
PY
echo "fixtures: $n in $work/fx (from ${#src[@]} sources); load: $(uptime | sed 's/.*load average: //')"
run() { # label, command...: prints "label wall-seconds cpu-seconds exit-code"
  local label="$1"; shift
  set +e
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/err"
  local rc=$?
  set -e
  awk -v l="$label" -v rc="$rc" '{print l, $1, $2 + $3, rc}' "$work/time"
}
./graphlint --version >/dev/null  # the launcher's first run writes its class-data archive: not part of any figure
results="$work/results"
for ((r = 1; r <= rounds; r++)); do
  run validate ./graphlint validate "$work/fx" | tee -a "$results"
  run convert ./graphlint convert --to 2018-12-18 "$work/fx" | tee -a "$results"
  rm -rf "$work/copy"; cp -r "$work/fx" "$work/copy"  # one process
  run convert-in-place ./graphlint convert --to 2018-12-18 --in-place "$work/copy" | tee -a "$results"
done
echo "medians over $rounds rounds (wall s, cpu s); load after: $(uptime | sed 's/.*load average: //')"
for l in validate convert convert-in-place; do
  awk -v l="$l" '$1 == l {print $2, $3}' "$results" | sort -n | awk -v l="$l" '{w[NR]=$1} END {print l, "wall", w[int((NR+1)/2)]}'
  awk -v l="$l" '$1 == l {print $3}' "$results" | sort -n | awk -v l="$l" '{c[NR]=$1} END {print l, "cpu", c[int((NR+1)/2)]}'
done
paste <(awk '$1 == "validate" {print $2}' "$results") <(awk '$1 == "convert" {print $2}' "$results") \
  <(awk '$1 == "convert-in-place" {print $2}' "$results") \
  | awk '{printf "round %d (wall): convert/validate %.2f, convert --in-place/validate %.2f\n", NR, $2 / $1, $3 / $1}'
paste <(awk '$1 == "validate" {print $3}' "$results") <(awk '$1 == "convert" {print $3}' "$results") \
  | awk '{printf "round %d (cpu): convert/validate %.2f\n", NR, $2 / $1}'
