#!/usr/bin/env bash
# The issue's speed target, as whole commands: `graphlint lint --format json` against `graphlint parse --stats` on one
# snapshot, with the launcher's JVM flags, interleaved, ROUNDS times each (default 3); each run, the medians, the ratio
# (target <= 1.5) and the load before and after. Not part of mvn verify.
# Usage: lint/vs-parse.sh [SNAPSHOT_FOLDER] [ROUNDS]   (default: /work/corpus-unpacked/ru-RU, see lint/acceptance.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
snap="${1:-${GRAPHLINT_UNPACKED:-/work/corpus-unpacked}/ru-RU}"
rounds="${2:-3}"
gl="$root/graphlint"
[ -f "$root/cli/target/graphlint.jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
work="$(mktemp -d "${TMPDIR:-/tmp}/graphlint-lvp-XXXXXX")"
trap 'rm -rf "$work"' EXIT
secs() { local s e; s="$(date +%s.%N)"; "$@" >/dev/null 2>&1 || true; e="$(date +%s.%N)"; echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "snapshot: $snap ($(find "$snap" -name '*.md' | wc -l) pages); load: $(uptime | sed 's/.*load average: //')"
: >"$work/parse"; : >"$work/lint"
for ((r = 1; r <= rounds; r++)); do
    p="$(secs "$gl" parse --stats "$snap")"
    l="$(secs "$gl" lint --format json "$snap")"
    echo "$p" >>"$work/parse"; echo "$l" >>"$work/lint"
    printf 'round %d: parse %.2f s, lint %.2f s (%.2fx)\n' "$r" "$p" "$l" "$(echo "$l / $p" | bc -l)"
done
mp="$(median <"$work/parse")"; ml="$(median <"$work/lint")"
printf 'medians of %d: parse %.2f s, lint %.2f s: lint/parse = %.2f (target <= 1.5)\n' "$rounds" "$mp" "$ml" "$(echo "$ml / $mp" | bc -l)"
echo "load after: $(uptime | sed 's/.*load average: //')"
