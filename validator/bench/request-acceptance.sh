#!/usr/bin/env bash
# Acceptance run of the routing and the embedded all-Graph catalog (not part of mvn verify): every request example of
# both 2021-08-27 snapshots (ru-RU, pt-BR; beta and v1.0) is written out as a .http request (method, URL, headers the
# example has, body), validated by `graphlint validate --format json` against the embedded catalog, and reported:
# routed to a documented operation (the rest listed by cause), valid, failures by cause.
#
#   validator/bench/request-acceptance.sh [SNAPSHOT_ROOT=/work/corpus-unpacked or schema/target/corpus]
#
# The snapshots are unpacked (once) into schema/target/corpus unless SNAPSHOT_ROOT already holds them; never into the
# repository. Output: target/request-acceptance/{requests/,report.json,summary.txt}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
snap="${1:-}"
if [[ -z "$snap" ]]; then
  if [[ -d /work/corpus-unpacked/ru-RU/api-reference ]]; then snap=/work/corpus-unpacked; else snap=schema/target/corpus; fi
fi
for loc in ru-RU pt-BR; do
  if [[ ! -d "$snap/$loc/api-reference" ]]; then
    mkdir -p "$snap"
    tar -xzf "../shared/corpus/snapshots/$loc-live-sxs-2021-08-27.tar.gz" -C "$snap"
  fi
done
gl=(${GRAPHLINT:-./graphlint})
[[ -n "${GRAPHLINT:-}" || -f cli/target/graphlint.jar ]] || mvn -B -q -DskipTests package
out=target/request-acceptance
rm -rf "$out/requests"; mkdir -p "$out/requests"
for loc in ru-RU pt-BR; do
  "${gl[@]}" parse --format json "$snap/$loc/api-reference" > "$out/pages-$loc.jsonl" 2>/dev/null || true
done
python3 "$root/validator/bench/request_acceptance.py" extract "$out" "$out"/pages-*.jsonl
start=$(date +%s.%N)
"${gl[@]}" validate --format json "$out/requests" > "$out/report.json" || true
end=$(date +%s.%N)
python3 "$root/validator/bench/request_acceptance.py" report "$out" "$(echo "$end - $start" | bc)" | tee "$out/summary.txt"
