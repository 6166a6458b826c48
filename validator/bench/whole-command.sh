#!/usr/bin/env bash
# Whole-command benchmark: `graphlint validate` vs ajv-cli on the same exported schema and the same fixture files,
# run alternately (so machine load hits both alike), JVM / node start included. Prints medians and every sample.
#
#   validator/bench/whole-command.sh [ROUNDS]          (default 7)
#
# Needs ajv-cli outside the repo: mkdir -p /tmp/ajv && (cd /tmp/ajv && npm install ajv-cli@5 ajv-formats@3)
# (AJV_DIR overrides /tmp/ajv). Fixtures: 10,000 copies of a ~1 KB vppToken create body in $WORK/10k (default
# /tmp/graphlint-bench), made on first use; the schema is the committed export schema/catalog/.../2020-06-18.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-7}"
ajv_dir="${AJV_DIR:-/tmp/ajv}"
work="${WORK:-/tmp/graphlint-bench}"
ajv="$ajv_dir/node_modules/.bin/ajv"
schema="$root/schema/catalog/beta/vppToken/create/2020-06-18.schema.json"
body="$root/samples/payloads/vppToken/2021-03-23/create-valid.json"
[[ -x "$ajv" ]] || { echo "ajv-cli not found at $ajv: mkdir -p $ajv_dir && (cd $ajv_dir && npm install ajv-cli@5 ajv-formats@3)" >&2; exit 2; }
if [[ ! -f "$work/10k/f09999.json" ]]; then
  mkdir -p "$work/10k"
  for i in $(seq -f '%05g' 0 9999); do cp "$body" "$work/10k/f$i.json"; done
fi
# Build the jar and its CDS archive once, outside the timings.
"$root/graphlint" validate --operation create "$work/10k/f00000.json" >/dev/null

gl_one=("$root/graphlint" validate --operation create "$work/10k/f00000.json")
gl_all=("$root/graphlint" validate --operation create "$work/10k")
ajv_one=("$ajv" validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$work/10k/f00000.json")
ajv_all=("$ajv" validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$work/10k/*.json")

# Both must agree that everything is valid, or the comparison means nothing.
"${gl_all[@]}" >/dev/null || { echo "graphlint did not find the fixtures valid" >&2; exit 1; }
"${ajv_all[@]}" >/dev/null 2>&1 || { echo "ajv did not find the fixtures valid" >&2; exit 1; }

t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

declare -A S
for ((r = 1; r <= rounds; r++)); do
  S[gl_one]+="$(t "${gl_one[@]}") "
  S[ajv_one]+="$(t "${ajv_one[@]}") "
  S[gl_all]+="$(t "${gl_all[@]}") "
  S[ajv_all]+="$(t "${ajv_all[@]}") "
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), node $(node --version)"
for k in gl_one ajv_one gl_all ajv_all; do
  printf '%-8s median %6ss   samples: %s\n' "$k" "$(tr ' ' '\n' <<<"${S[$k]}" | grep . | median)" "${S[$k]}"
done
one=$(echo "$(tr ' ' '\n' <<<"${S[gl_one]}" | grep . | median) / $(tr ' ' '\n' <<<"${S[ajv_one]}" | grep . | median)" | bc -l)
all=$(echo "$(tr ' ' '\n' <<<"${S[gl_all]}" | grep . | median) / $(tr ' ' '\n' <<<"${S[ajv_all]}" | grep . | median)" | bc -l)
printf 'single fixture: graphlint/ajv = %.2fx (target <= 1.5x)\n10,000 fixtures: graphlint/ajv = %.2fx (target <= 1.0x)\n' "$one" "$all"
