#!/usr/bin/env bash
# Start-up with the all-Graph catalog embedded: `graphlint validate` against ajv-cli 5 on the same schema, alternating
# runs, medians, JVM / node start included. Four figures (issue 10):
#   one     one ~1 KB `user` update body (graphlint routes it by its file name; ajv gets the same schema, exported)
#   10k     10,000 copies of it
#   mix50   10,000 ~1 KB bodies over 50 entities' update schemas (200 each): one graphlint run over the folder, routed
#           by file name; ajv once per schema (50 runs), each over its own 200 files; the sum is ajv's figure
#   catalog one fixture with --catalog DIR (a whole-snapshot catalog from `schemas build --out`) against the embedded run
#
#   validator/bench/graph-startup.sh [ROUNDS=5]
#
# Needs ajv-cli: mkdir -p /tmp/ajv && (cd /tmp/ajv && npm install ajv-cli@5 ajv-formats@3)   (AJV_DIR overrides)
# Work files in $WORK (default /tmp/graphlint-graph-bench), made on first use.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-5}"
ajv_dir="${AJV_DIR:-/tmp/ajv}"
work="${WORK:-/tmp/graphlint-graph-bench}"
ajv="$ajv_dir/node_modules/.bin/ajv"
gl="${GRAPHLINT_LAUNCHER:-$root/graphlint}"
[[ -x "$ajv" ]] || { echo "ajv-cli not found at $ajv: mkdir -p $ajv_dir && (cd $ajv_dir && npm install ajv-cli@5 ajv-formats@3)" >&2; exit 2; }
snapshot="${SNAPSHOT:-/work/corpus-unpacked/ru-RU}"
mkdir -p "$work"

# ---- fixtures (once)
if [[ ! -f "$work/ready" ]]; then
  rm -rf "$work/export" "$work/one" "$work/10k" "$work/mix50"
  "$gl" schemas export --api-version beta --operation update --out "$work/export" >/dev/null
  python3 "$root/validator/bench/graph_fixtures.py" "$work" 50 200
  touch "$work/ready"
fi
if [[ ! -f "$work/snap-catalog/catalog.json" ]]; then
  "$gl" schemas build --out "$work/snap-catalog" "$snapshot" >/dev/null
fi
schema="$work/export/beta/user/update/$(ls "$work/export/beta/user/update" | tail -1)"
one="$work/one/user-update.json"

gl_one=("$gl" validate "$one")
ajv_one=("$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$schema" -d "$one")
gl_10k=("$gl" validate "$work/10k")
ajv_10k=("$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$schema" -d "$work/10k/*.json")
gl_mix=("$gl" validate "$work/mix50")
gl_cat=("$gl" validate --catalog "$work/snap-catalog" "$one")
ajv_mix() {
  local d
  for d in "$work"/mix50/*/; do
    "$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$(cat "$d/schema-path")" -d "$d*.json" || return 1
  done
}

# Both must find everything valid, or the comparison means nothing.
for c in gl_one gl_10k gl_mix gl_cat; do
  declare -n cmd=$c
  "${cmd[@]}" >/dev/null || { echo "graphlint did not find the fixtures of $c valid: ${cmd[*]}" >&2; exit 1; }
done
"${ajv_one[@]}" >/dev/null 2>&1 || { echo "ajv did not find the fixture valid" >&2; exit 1; }
"${ajv_10k[@]}" >/dev/null 2>&1 || { echo "ajv did not find the 10k fixtures valid" >&2; exit 1; }
ajv_mix >/dev/null 2>&1 || { echo "ajv did not find the mix fixtures valid" >&2; exit 1; }

t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

declare -A S
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= rounds; r++)); do
  S[gl_one]+="$(t "${gl_one[@]}") "
  S[ajv_one]+="$(t "${ajv_one[@]}") "
  S[gl_cat]+="$(t "${gl_cat[@]}") "
  S[gl_10k]+="$(t "${gl_10k[@]}") "
  S[ajv_10k]+="$(t "${ajv_10k[@]}") "
  S[gl_mix]+="$(t "${gl_mix[@]}") "
  S[ajv_mix]+="$(t ajv_mix) "
done
echo "machine: $(nproc) cores, load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); node $(node --version); $rounds rounds"
for k in gl_one ajv_one gl_cat gl_10k ajv_10k gl_mix ajv_mix; do
  printf '%-8s median %7ss   samples: %s\n' "$k" "$(median <<<"${S[$k]}")" "${S[$k]}"
done
ratio() { printf '%.2f' "$(echo "$(median <<<"${S[$1]}") / $(median <<<"${S[$2]}")" | bc -l)"; }
echo "one fixture:            graphlint/ajv = $(ratio gl_one ajv_one)x (target <= 0.8x)"
echo "10,000 fixtures:        graphlint/ajv = $(ratio gl_10k ajv_10k)x (target <= 0.8x)"
echo "10,000 over 50 schemas: graphlint/ajv = $(ratio gl_mix ajv_mix)x (reported)"
echo "--catalog DIR / embedded, one fixture: $(ratio gl_cat gl_one)x (target <= 1.2x)"
